//! End-to-end tests over HTTP against a real PostgreSQL: one binary, a module per area.

mod accounts;
mod alerts;
mod audit_trail;
mod authz;
mod declarations;
mod errors;
mod forecast;
mod health;
mod integrity_accounts;
mod integrity_edge;
mod integrity_exports;
mod integrity_leaks;
mod integrity_numbers;
mod integrity_search;
mod integrity_statistics;
mod kpis;
mod matching;
mod open_data;
mod openapi;
mod organisations;
mod passwords;
mod postings;
mod reference;
mod search;
mod statistics;
mod workers;
