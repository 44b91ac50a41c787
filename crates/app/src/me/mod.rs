//! What a signed-in person does with their own account: erase it, download it, get suggestions.

pub mod delete;
pub mod export;
pub mod recommendations;

pub use self::delete::delete;
pub use self::export::export;
pub use self::recommendations::{Recommendations, recommendations};
