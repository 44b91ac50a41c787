//! The `labour-market` binary's library: the command line and the HTTP server that serves the
//! JSON API and the web pages side by side (the API never depends on the pages, nor they on it).

pub mod cli;
pub mod server;
