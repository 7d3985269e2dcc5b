//! Coffre: storage for accounting supporting documents, with S3-compatible presigned URLs.

pub mod admin;
pub mod app;
pub mod blob;
pub mod cli;
pub mod config;
pub mod db;
pub mod domain;
pub mod http;
pub mod server;
pub mod sweeper;
pub mod worker;
