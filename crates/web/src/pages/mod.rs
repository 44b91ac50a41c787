//! The pages, one module per concept (the same names as the use cases they call).

pub mod account;
pub mod accounts;
pub mod applications;
pub mod choices;
pub mod declarations;
pub mod home;
pub mod labels;
pub mod language;
pub mod me;
pub mod my_postings;
pub mod notifications;
pub mod open_postings;
pub mod organisations;
pub mod passwords;
pub mod postings;
pub mod profile;
pub mod profile_fields;
pub mod profile_form;
pub mod recommendations;
pub mod saved_searches;
pub mod search;
pub mod sitemap;
pub mod staff;
pub mod statistics;
pub mod workspace;
pub mod zones;

use actix_web::web;

pub fn configure(cfg: &mut web::ServiceConfig) {
    crate::assets::configure(cfg);
    language::configure(cfg);
    home::configure(cfg);
    accounts::configure(cfg);
    account::configure(cfg);
    search::configure(cfg);
    postings::configure(cfg);
    zones::configure(cfg);
    organisations::configure(cfg);
    statistics::configure(cfg);
    declarations::configure(cfg);
    sitemap::configure(cfg);
    passwords::configure(cfg);
    profile::configure(cfg);
    applications::configure(cfg);
    me::configure(cfg);
    recommendations::configure(cfg);
    saved_searches::configure(cfg);
    notifications::configure(cfg);
    workspace::configure(cfg);
    staff::configure(cfg);
    my_postings::configure(cfg);
}
