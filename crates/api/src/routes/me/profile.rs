//! `GET` and `PUT /api/v1/me/profile`: the signed-in worker's own profile.

use actix_web::{HttpRequest, HttpResponse, get, put, web};
use labour_domain::worker::{REASONS, WorkerProfile};
use labour_store::workers::{ProfileRow, Saved};
use serde::Serialize;
use utoipa::ToSchema;

use crate::auth::{Caller, require_own_account};
use crate::errors::{ApiError, ErrorCode, FieldError, FieldErrors, Problem};
use crate::extract::Json;
use crate::lang::{Lang, Text};
use crate::state::AppState;

#[derive(Debug, Serialize, ToSchema)]
pub struct ProfileView {
    #[schema(value_type = Object)]
    pub profile: serde_json::Value,
    pub version: i32,
    /// Why each optional sensitive field is asked, in the language of the request.
    pub reasons: Vec<Reason>,
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
    Ok(view(row, Lang::from_headers(req.headers())))
}

/// Creates or replaces the profile. Replacing needs `If-Match` with the version read. Ethnicity
/// and citizen id are kept only with the matching consent.
#[utoipa::path(
    tag = "workers",
    request_body(content = Object, description = "The whole profile"),
    params(("If-Match" = Option<String>, Header, description = "Required to replace an existing profile")),
    security(("bearer_token" = [])),
    responses(
        (status = 200, body = ProfileView),
        (status = 401, body = Problem, content_type = "application/problem+json"),
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
    body: Json<WorkerProfile>,
) -> Result<HttpResponse, ApiError> {
    let account = require_own_account(&caller)?;
    let profile = body.into_inner();
    let mut errors = FieldErrors::default();
    let year = chrono::Datelike::year(&chrono::Utc::now()) as u16;
    for (field, e) in profile.problems(year) {
        errors.check::<()>(&field, Err(e));
    }
    let mut conn = state.conn().await?;
    if let Some(level) = &profile.training_level {
        let levels = labour_store::training_levels::list(&mut conn).await?;
        if !levels.iter().any(|l| &l.code == level) {
            errors.push(FieldError {
                field: "training_level".into(),
                code: "unknown_reference",
                message: Text::new("Không có trình độ này.", "No such training level."),
            });
        }
    }
    errors.finish()?;
    let exists = labour_store::workers::find(&mut conn, account)
        .await?
        .is_some();
    let expected = if exists {
        Some(crate::routes::postings::if_match(&req)?)
    } else {
        None
    };
    let json = serde_json::to_value(&profile).map_err(ApiError::internal)?;
    match labour_store::workers::save(
        &mut conn,
        account,
        &json,
        profile.consents.discoverable,
        expected,
    )
    .await?
    {
        Saved::Saved(row) => Ok(view(row, Lang::from_headers(req.headers()))),
        Saved::Stale { current } => Err(ApiError::new(ErrorCode::PreconditionFailed)
            .detail(
                "Hồ sơ đã thay đổi; hãy đọc lại.",
                "The profile changed; read it again.",
            )
            .header(actix_web::http::header::ETAG, format!("\"{current}\""))),
    }
}
