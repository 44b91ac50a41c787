//! Pure types and rules of the Lạng Sơn labour-market portal. No I/O lives here.

pub mod account;
pub mod application;
pub mod bounds;
pub mod commune;
pub mod declaration;
pub mod error;
pub mod forecast;
pub mod kpi;
pub mod occupation;
pub mod offer;
pub mod organisation;
pub mod paging;
pub mod policy;
pub mod posting;
pub mod recommendation;
pub mod statistics;
pub mod tax_code;
pub mod text;
pub mod worker;
pub mod zone;

pub use error::{ClosedSet, Error};
