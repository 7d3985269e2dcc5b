//! Full-text search: one small query language for both databases. [`query`] parses what a
//! user typed into an AST, [`ident`] recognises identifiers and amounts, [`render`] turns the
//! AST into SQL with bound parameters for SQLite FTS5 or PostgreSQL. User text never reaches
//! an engine's query syntax: only tokens made of letters and digits are ever bound.

pub mod ident;
pub mod query;
pub mod render;

pub use query::{parse, Clause, ParseError, SearchQuery};
