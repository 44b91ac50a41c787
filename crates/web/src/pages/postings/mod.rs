//! A posting's own page (jobs, courses, training needs) and the form that reports it to staff.

pub mod report;
pub mod show;

use actix_web::web;
use labour_domain::ClosedSet;
use uuid::Uuid;

use crate::context::Ctx;
use crate::error::WebError;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/postings/{id}", web::get().to(show::show))
        .route("/postings/{id}/report", web::get().to(report::form))
        .route("/postings/{id}/report", web::post().to(report::send));
}

/// The posting id of a path; one that names no posting gets the 404 a hidden posting gets.
pub fn id(ctx: &Ctx, text: &str) -> Result<Uuid, WebError> {
    text.parse()
        .map_err(|_| WebError::new(labour_app::postings::not_found(Uuid::nil()), ctx.lang))
}

/// The key of a posting kind's name (`posting.kind.job`...).
pub fn kind_key(kind: labour_domain::posting::Kind) -> String {
    format!("posting.kind.{}", kind.as_str())
}
