//! `GET` and `PUT /api/v1/me/profile`: the signed-in worker's own profile.

use actix_web::{HttpRequest, HttpResponse, get, put, web};
use labour_domain::worker::{CONSENTS, REASONS};
use labour_store::workers::ProfileRow;
use serde::Serialize;
use utoipa::ToSchema;

use super::profile_request::ProfileRequest;
use crate::auth::{Caller, require_own_account};
use crate::errors::{ApiError, ErrorCode, Problem};
use crate::extract::Json;
use crate::lang::Lang;
use crate::state::AppState;

#[derive(Debug, Serialize, ToSchema)]
pub struct ProfileView {
    #[schema(value_type = Object)]
    pub profile: serde_json::Value,
    pub version: i32,
    /// Why each optional sensitive field is asked, in the language of the request.
    pub reasons: Vec<Reason>,
    /// What ticking each consent agrees to, in the language of the request.
    pub consents: Vec<ConsentText>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ConsentText {
    /// `ethnicity`, `citizen_id` or `discoverable`.
    pub consent: &'static str,
    pub text: &'static str,
}

pub fn consents(lang: Lang) -> Vec<ConsentText> {
    CONSENTS
        .iter()
        .map(|(consent, vi, en)| ConsentText {
            consent,
            text: if lang == Lang::En { en } else { vi },
        })
        .collect()
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Reason {
    pub field: &'static str,
    pub why: &'static str,
}

pub fn reasons(lang: Lang) -> Vec<Reason> {
    REASONS
        .iter()
        .map(|(field, vi, en)| Reason {
            field,
            why: if lang == Lang::En { en } else { vi },
        })
        .collect()
}

fn view(row: ProfileRow, lang: Lang) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((
            actix_web::http::header::ETAG,
            format!("\"{}\"", row.version),
        ))
        .json(ProfileView {
            profile: row.profile,
            version: row.version,
            reasons: reasons(lang),
            consents: consents(lang),
        })
}

fn no_profile() -> ApiError {
    ApiError::new(ErrorCode::ResourceNotFound).detail(
        "Bạn chưa có hồ sơ; hãy tạo bằng PUT.",
        "You have no profile yet; create it with PUT.",
    )
}

/// The signed-in account's worker profile (private to the worker and staff).
#[utoipa::path(
    tag = "workers",
    security(("bearer_token" = [])),
    responses(
        (status = 200, body = ProfileView, headers(("ETag" = String))),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/me/profile")]
pub async fn get_my_profile(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    let account = require_own_account(&caller)?;
    let mut conn = state.conn().await?;
    let row = labour_store::workers::find(&mut conn, account)
        .await?
        .ok_or_else(no_profile)?;
    Ok(view(row, crate::lang::from_headers(req.headers())))
}

/// Creates or replaces the profile. Replacing needs `If-Match` with the version read. Ethnicity
/// and citizen id are kept only with the matching consent.
#[utoipa::path(
    tag = "workers",
    request_body(content = ProfileRequest, description = "The whole profile"),
    params(("If-Match" = Option<String>, Header, description = "Required to replace an existing profile")),
    security(("bearer_token" = [])),
    responses(
        (status = 200, body = ProfileView),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 412, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 428, body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/me/profile")]
pub async fn update_my_profile(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    body: Json<ProfileRequest>,
) -> Result<HttpResponse, ApiError> {
    let if_match = crate::routes::postings::if_match(&req).map_err(|e| e.0);
    let row = labour_app::profile::update(&state.app, &caller, body.into_inner().into(), if_match)
        .await?;
    Ok(view(row, crate::lang::from_headers(req.headers())))
}
