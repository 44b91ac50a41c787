//! The pages, one module per concept (the same names as the use cases they call).

pub mod account;
pub mod accounts;
pub mod home;
pub mod choices;
pub mod labels;
pub mod language;
pub mod profile;
pub mod profile_form;

use actix_web::web;

pub fn configure(cfg: &mut web::ServiceConfig) {
    crate::assets::configure(cfg);
    language::configure(cfg);
    home::configure(cfg);
    accounts::configure(cfg);
    account::configure(cfg);
    profile::configure(cfg);
}
