//! HTTP API of the Lạng Sơn labour-market portal, its configuration and command line.

pub mod app;
pub mod auth;
pub mod cli;
pub mod config;
pub mod database;
pub mod errors;
pub mod export;
pub mod extract;
pub mod lang;
pub mod matching;
pub mod open_data;
pub mod openapi;
pub mod pagination;
pub mod routes;
pub mod routes_table;
pub mod server;
pub mod state;
pub mod telemetry;
