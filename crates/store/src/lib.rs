//! PostgreSQL storage of the labour-market portal: schema, migrations, queries, reference data,
//! and the private cluster the binary runs when no `DATABASE_URL` is given.

pub mod accounts;
pub mod api_keys;
pub mod applications;
pub mod audit;
pub mod closed_set;
pub mod cluster;
pub mod communes;
pub mod db;
pub mod declarations;
pub mod demo;
pub mod demo_declarations;
pub mod demo_members;
pub mod demo_postings;
pub mod demo_workers;
pub mod error;
pub mod ethnic_groups;
pub mod feed;
pub mod idempotency;
pub mod kpis;
pub mod migrations;
pub mod moderation;
pub mod notifications;
pub mod occupations;
pub mod offers;
pub mod organisations;
pub mod password_resets;
pub mod postings;
pub mod purge;
pub mod reference;
pub mod saved_searches;
pub mod schema;
pub mod search_demand;
pub mod search_outbox;
pub mod sessions;
pub mod sitemap;
pub mod statistics;
pub mod synthetic;
#[cfg(any(test, feature = "test-support"))]
pub mod test_db;
pub mod training_levels;
pub mod workers;
pub mod zones;

pub use db::{Conn, Pool};
pub use error::Error;

/// A page of rows and the count of all rows that matched.
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: i64,
}
