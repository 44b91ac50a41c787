//! Staff accounts of the employment service centre: admins make staff; the command line makes
//! admins.

pub mod create;
pub mod create_admin;

pub use self::create::create;
pub use self::create_admin::create_admin;
