//! The use cases of the Lạng Sơn labour-market portal: one function per thing a person does,
//! taking the caller, deciding through the policy and doing the whole write (its audit row,
//! feed event and search outbox row in the same transaction); and the background jobs. Every
//! face (the JSON API, the web pages, the command line) calls these; none writes on its own.

pub mod accounts;
pub mod api_keys;
pub mod applications;
pub mod auth;
pub mod caller;
pub mod candidates;
pub mod context;
pub mod declaration_years;
pub mod declarations;
pub mod errors;
pub mod export;
pub mod facts;
pub mod forecast;
pub mod jobs;
pub mod known;
pub mod kpis;
pub mod lang;
pub mod matching;
pub mod me;
pub mod notifications;
pub mod offers;
pub mod organisations;
pub mod passwords;
pub mod policy;
pub mod postings;
pub mod profile;
pub mod query;
pub mod saved_searches;
pub mod search;
pub mod search_demand;
pub mod search_query;
pub mod sessions;
pub mod staff;
pub mod unsubscribe;
pub mod workers;

pub use caller::Caller;
pub use context::App;
pub use errors::{Error, ErrorCode, Result};
