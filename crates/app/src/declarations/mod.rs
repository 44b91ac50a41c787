//! An enterprise's yearly declarations: workforce, planned recruitment, training needs.

pub mod update;

pub use self::update::update;

use uuid::Uuid;

use crate::errors::Error;

pub fn not_found(organisation: Uuid, year: i32) -> Error {
    Error::not_found(
        "bản kê khai",
        "declaration",
        &format!("{organisation}/{year}"),
    )
}
