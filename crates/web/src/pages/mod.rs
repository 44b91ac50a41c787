//! The pages, one module per concept (the same names as the use cases they call).

pub mod home;
pub mod language;
pub mod passwords;

use actix_web::web;

pub fn configure(cfg: &mut web::ServiceConfig) {
    crate::assets::configure(cfg);
    language::configure(cfg);
    home::configure(cfg);
    passwords::configure(cfg);
}
