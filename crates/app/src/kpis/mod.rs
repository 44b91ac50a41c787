//! The plan's indicator board: staff enter yearly values with their sources; the board puts
//! them beside what the portal's own data gives.

pub mod list;
pub mod update;

pub use self::list::list;
pub use self::update::update;
