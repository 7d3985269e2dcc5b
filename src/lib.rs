//! Coffre: storage for accounting supporting documents, with S3-compatible presigned URLs.

pub mod admin;
pub mod app;
pub mod audit;
pub mod blob;
pub mod cli;
pub mod config;
pub mod db;
pub mod domain;
pub mod export;
pub mod http;
pub mod integrity;
pub mod jobs;
pub mod metrics;
pub mod ocr;
pub mod retention;
pub mod search;
pub mod server;
pub mod sweeper;
pub mod web;
pub mod webhooks;
