//! HTTP API of the Lạng Sơn labour-market portal and its configuration.

pub mod app;
pub mod auth;
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
pub mod state;
pub mod telemetry;
