//! HTTP handlers, one folder per resource and one file per verb; `configure` registers and
//! documents them in one step.

pub mod accounts;
pub mod api_keys;
pub mod applications;
pub mod candidates;
pub mod communes;
pub mod declaration_years;
pub mod declarations;
pub mod ethnic_groups;
pub mod feed;
pub mod health;
pub mod kpis;
pub mod me;
pub mod members;
pub mod moderation;
pub mod my;
pub mod notifications;
pub mod occupation_groups;
pub mod occupations;
pub mod offers;
pub mod open_data;
pub mod organisations;
pub mod passwords;
pub mod postings;
pub mod saved_searches;
pub mod search;
pub mod sessions;
pub mod staff;
pub mod statistics;
pub mod training_levels;
pub mod unsubscribe;
pub mod workers;
pub mod zones;

use utoipa_actix_web::scope;
use utoipa_actix_web::service_config::ServiceConfig;

/// Every documented route of the portal.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(health::get::get_health)
        .service(health::ready::get_ready)
        .service(health::metrics::get_metrics)
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
                .service(ethnic_groups::list::list_ethnic_groups)
                .service(accounts::create::create_account)
                .service(sessions::create::create_session)
                .service(sessions::refresh::refresh_session)
                .service(sessions::revoke::revoke_session)
                .service(passwords::change::change_password)
                .service(passwords::request::request_password_reset)
                .service(passwords::confirm::confirm_password_reset)
                .service(passwords::issue_code::issue_password_reset_code)
                .service(me::get::get_me)
                .service(me::profile::get_my_profile)
                .service(me::profile::update_my_profile)
                .service(me::export::export_me)
                .service(me::recommendations::get_my_recommendations)
                .service(saved_searches::create::create_saved_search)
                .service(saved_searches::list::list_saved_searches)
                .service(saved_searches::delete::delete_saved_search)
                .service(notifications::list::list_notifications)
                .service(notifications::read::mark_notifications_read)
                .service(unsubscribe::page::get_unsubscribe)
                .service(unsubscribe::confirm::confirm_unsubscribe)
                .service(declaration_years::create::create_declaration_year)
                .service(declaration_years::list::list_declaration_years)
                .service(declaration_years::close::close_declaration_year)
                .service(declaration_years::missing::list_missing_declarations)
                .service(declaration_years::remind::remind_missing_declarations)
                .service(declaration_years::export::export_declarations)
                .service(declarations::list::list_declarations)
                .service(declarations::get::get_declaration)
                .service(declarations::update::update_declaration)
                .service(statistics::demand::get_demand_statistics)
                .service(statistics::supply::get_supply_statistics)
                .service(statistics::training::get_training_statistics)
                .service(statistics::matching::get_matching_statistics)
                .service(statistics::workforce::get_workforce_statistics)
                .service(statistics::recruitment::get_recruitment_statistics)
                .service(statistics::forecast::get_forecast)
                .service(statistics::search_demand::get_search_demand)
                .service(kpis::list::list_kpis)
                .service(kpis::update::update_kpi)
                .service(postings::jsonld::get_posting_jsonld)
                .service(open_data::postings::get_open_data_postings)
                .service(me::delete::delete_me)
                .service(workers::profile::get_worker_profile)
                .service(applications::create::create_application)
                .service(applications::list::list_applications)
                .service(applications::list::list_my_applications)
                .service(applications::status::update_application_status)
                .service(candidates::list::list_candidates)
                .service(staff::create::create_staff)
                .service(organisations::create::create_organisation)
                .service(organisations::list::list_organisations)
                .service(organisations::get::get_organisation)
                .service(organisations::verify::verify_organisation)
                .service(api_keys::create::create_api_key)
                .service(api_keys::list::list_api_keys)
                .service(api_keys::revoke::revoke_api_key)
                .service(members::list::list_members)
                .service(members::create::create_member)
                .service(postings::create::create_posting)
                .service(postings::list::list_postings)
                .service(postings::get::get_posting)
                .service(postings::update::update_posting)
                .service(postings::submit::submit_posting)
                .service(postings::close::close_posting)
                .service(postings::moderate::approve_posting)
                .service(postings::moderate::reject_posting)
                .service(postings::moderate::remove_posting)
                .service(postings::report::report_posting)
                .service(postings::history::get_posting_history)
                .service(offers::create::create_offer)
                .service(offers::list::list_offers)
                .service(offers::accept::accept_offer)
                .service(my::postings::list_my_postings)
                .service(moderation::queue::get_moderation_queue)
                .service(moderation::counts::get_moderation_counts)
                .service(feed::get::get_feed)
                .service(search::jobs::list_jobs)
                .service(search::courses::list_courses)
                .service(search::training_needs::list_training_needs)
                .service(search::all::search_all),
        );
}
