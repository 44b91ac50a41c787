//! Schools answer enterprises' training needs with offers; the enterprise accepts one.

pub mod accept;
pub mod create;
pub mod list;

pub use self::accept::accept;
pub use self::create::{NewOffer, create};
pub use self::list::{for_need, for_school};
