//! Collection years of the yearly declarations: staff open and close them and remind the
//! enterprises that have not declared.

pub mod close;
pub mod create;
pub mod export;
pub mod remind;

pub use self::close::close;
pub use self::create::create;
pub use self::export::export;
pub use self::remind::remind;

use crate::errors::Error;

pub fn not_found(year: i32) -> Error {
    Error::not_found("năm kê khai", "declaration year", &year.to_string())
}
