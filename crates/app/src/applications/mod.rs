//! Applications: a worker applies to a published job (or registers interest in a course) with
//! the profile fields they choose to share; the enterprise moves the application on, the worker
//! withdraws it.

pub mod applied;
pub mod apply;
pub mod status;

pub use self::applied::applied_at;
pub use self::apply::{Apply, apply};
pub use self::status::status;
