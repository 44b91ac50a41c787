//! `POST /api/v1/me/saved-searches`.

use actix_web::{HttpResponse, post, web};
use serde::Deserialize;
use utoipa::ToSchema;

use super::{SavedSearch, search_request};
use crate::auth::{Caller, require_own_account};
use crate::errors::{ApiError, FieldError, Problem};
use crate::extract::Json;
use crate::lang::Text;
use crate::pagination::QueryChecker;
use crate::state::AppState;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SaveSearchRequest {
    /// A name to recognise it by, e.g. "Thợ hàn ở Đồng Bành".
    pub name: String,
    /// `job` (default), `course`, `training_need` or `all`.
    pub kind: Option<String>,
    /// Search parameters as `GET /api/v1/jobs` takes them, as strings: `q`, `occupation_group`,
    /// `occupation`, `zone`, `commune`, `level`, `salary_min`, `shift`, `mode`,
    /// `learner_support`, `open`, `start_from`, `start_to`.
    #[schema(value_type = Object, example = json!({"q": "thợ hàn", "zone": "6f1c…"}))]
    pub query: serde_json::Value,
    /// Send matches in the daily email digest (default true).
    pub email: Option<bool>,
}

/// Saves a search; postings published from now on that match it notify the worker.
#[utoipa::path(
    tag = "workers",
    request_body = SaveSearchRequest,
    security(("bearer_token" = [])),
    responses(
        (status = 201, body = SavedSearch),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/me/saved-searches")]
pub async fn create_saved_search(
    state: web::Data<AppState>,
    caller: Caller,
    body: Json<SaveSearchRequest>,
) -> Result<HttpResponse, ApiError> {
    // Signing in comes before the body is judged.
    require_own_account(&caller)?;
    let body = body.into_inner();
    let kind = body.kind.as_deref().unwrap_or("job");
    let reference = state.reference().await?;
    let mut check = QueryChecker::default();
    let name = body.name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        check.push(FieldError {
            field: "name".into(),
            code: "text_length",
            message: Text::new("Tên dài 1 đến 100 ký tự.", "A name of 1 to 100 characters."),
        });
    }
    // Paging, sorting and facets belong to a page of results, not to what is watched.
    let watched = body.query.as_object().is_some_and(|o| {
        !o.keys()
            .any(|k| ["page", "per_page", "sort", "facets"].contains(&k.as_str()))
    });
    if super::kinds(kind).is_none() {
        check.push(FieldError {
            field: "kind".into(),
            code: "unknown_value",
            message: Text::new(
                "Loại phải là job, course, training_need hoặc all.",
                "Kind must be job, course, training_need or all.",
            ),
        });
    } else if !watched || search_request(kind, &body.query, &reference.known, &mut check).is_none()
    {
        check.push(FieldError {
            field: "query".into(),
            code: "invalid_query",
            message: Text::new(
                "Truy vấn là một đối tượng gồm các tham số tìm kiếm dạng chuỗi (q, occupation_group, zone, ...).",
                "The query is an object of search parameters as strings (q, occupation_group, zone, ...).",
            ),
        });
    }
    check.finish_as_body()?;
    let input = labour_app::saved_searches::NewSearch {
        name: name.to_owned(),
        kind: kind.to_owned(),
        query: body.query,
        email: body.email.unwrap_or(true),
    };
    let row = labour_app::saved_searches::create(&state.app, &caller, input).await?;
    Ok(HttpResponse::Created().json(SavedSearch::from(row)))
}
