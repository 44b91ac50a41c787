//! API keys of an organisation, for third-party apps: its members (or staff) make and revoke them.

pub mod create;
pub mod revoke;

pub use self::create::create;
pub use self::revoke::revoke;
