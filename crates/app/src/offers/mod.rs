//! Schools answer enterprises' training needs with offers; the enterprise accepts one.

pub mod accept;
pub mod create;

pub use self::accept::accept;
pub use self::create::{NewOffer, create};
