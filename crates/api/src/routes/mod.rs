//! HTTP handlers, one folder per resource and one file per verb; `configure` registers and
//! documents them in one step.

pub mod communes;
pub mod ethnic_groups;
pub mod health;
pub mod occupation_groups;
pub mod occupations;
pub mod training_levels;
pub mod zones;

use utoipa_actix_web::scope;
use utoipa_actix_web::service_config::ServiceConfig;

/// Every documented route of the portal.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(health::get::get_health)
        .service(health::ready::get_ready)
        .service(
            scope("/api/v1")
                .service(zones::list::list_zones)
                .service(zones::get::get_zone)
                .service(communes::list::list_communes)
                .service(occupation_groups::list::list_occupation_groups)
                .service(occupations::list::list_occupations)
                .service(occupations::lookup::lookup_occupations)
                .service(occupations::get::get_occupation)
                .service(training_levels::list::list_training_levels)
                .service(ethnic_groups::list::list_ethnic_groups),
        );
}
