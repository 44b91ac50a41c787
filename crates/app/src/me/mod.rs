//! What a signed-in person does with their own account: erase it, get suggestions.

pub mod delete;
pub mod recommendations;

pub use self::delete::delete;
pub use self::recommendations::{Recommendations, recommendations};
