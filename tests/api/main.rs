//! The API test suite: one binary, a real server per test on the embedded default (SQLite and
//! the local object endpoint), or on PostgreSQL and external S3 when configured.

mod helpers;

mod auth;
mod browser;
mod concurrency;
mod content;
mod cors;
mod crash;
mod errors;
mod exports;
mod files;
mod fixtures;
mod folders;
mod group_commit;
mod hangup;
mod immutability;
mod import;
mod instances;
mod integrity;
mod metrics;
mod ocr;
mod ocr_bounds;
mod ocr_restart;
mod outage;
mod s3_interop;
mod search;
mod shutdown;
mod sweeper;
mod web;
mod webhooks;
mod years;
