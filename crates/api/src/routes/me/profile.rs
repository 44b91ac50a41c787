//! `GET` and `PUT /api/v1/me/profile`: the signed-in worker's own profile.

use actix_web::{HttpRequest, HttpResponse, get, put, web};
use labour_domain::commune::CommuneCode;
use labour_domain::occupation::OccupationCode;
use labour_domain::worker::{REASONS, WorkerProfile};
use labour_store::workers::{ProfileRow, Saved};
use serde::Serialize;
use utoipa::ToSchema;

use crate::auth::{Caller, require_own_account};
use crate::errors::{ApiError, ErrorCode, FieldErrors, Problem};
use crate::extract::Json;
use crate::lang::Lang;
use crate::state::AppState;
use labour_app::known::Code;

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

/// Every code of the reference data the profile names, with its field. A commune or desired
/// occupation of the wrong form is left to the profile's own rules, which name it already.
fn references(p: &WorkerProfile) -> Vec<(String, Code, String)> {
    let occupation = |c: &String| OccupationCode::parse(c).is_ok();
    let mut out = Vec::new();
    if let Some(c) = p
        .commune_code
        .as_ref()
        .filter(|c| CommuneCode::parse(c).is_ok())
    {
        out.push(("commune_code".to_owned(), Code::Commune, c.clone()));
    }
    if let Some(level) = &p.training_level {
        out.push(("training_level".into(), Code::TrainingLevel, level.clone()));
    }
    for (i, c) in p.desired_occupations.iter().enumerate() {
        if occupation(c) {
            out.push((
                format!("desired_occupations[{i}]"),
                Code::Occupation,
                c.clone(),
            ));
        }
    }
    for (i, z) in p.desired_zones.iter().enumerate() {
        out.push((format!("desired_zones[{i}]"), Code::Zone, z.to_string()));
    }
    for (i, c) in p.certificates.iter().enumerate() {
        if let Some(o) = &c.occupation_code {
            let field = format!("certificates[{i}].occupation_code");
            out.push((field, Code::Occupation, o.clone()));
        }
        if let Some(level) = &c.level {
            let field = format!("certificates[{i}].level");
            out.push((field, Code::TrainingLevel, level.clone()));
        }
    }
    for (i, j) in p.work_history.iter().enumerate() {
        if let Some(o) = &j.occupation_code {
            let field = format!("work_history[{i}].occupation_code");
            out.push((field, Code::Occupation, o.clone()));
        }
    }
    out
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
    request_body(content = Object, description = "The whole profile"),
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
    body: Json<WorkerProfile>,
) -> Result<HttpResponse, ApiError> {
    let account = require_own_account(&caller)?;
    let profile = body.into_inner();
    let mut errors = FieldErrors::default();
    let year = chrono::Datelike::year(&chrono::Utc::now()) as u16;
    for (field, e) in profile.problems(year) {
        errors.check::<()>(&field, Err(e));
    }
    let known = &state.reference().await?.known;
    for (field, code, value) in references(&profile) {
        if let Some(e) = known.check(&field, code, &value) {
            errors.push(e);
        }
    }
    errors.finish()?;
    let mut conn = state.conn().await?;
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
        Saved::Saved(row) => Ok(view(row, crate::lang::from_headers(req.headers()))),
        Saved::Stale { current } => Err(ApiError::new(ErrorCode::PreconditionFailed)
            .detail(
                "Hồ sơ đã thay đổi; hãy đọc lại.",
                "The profile changed; read it again.",
            )
            .header(actix_web::http::header::ETAG, format!("\"{current}\""))),
    }
}
