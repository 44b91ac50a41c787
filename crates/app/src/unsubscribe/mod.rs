//! The one-click unsubscribe of the email digest.

pub mod confirm;

pub use self::confirm::confirm;
