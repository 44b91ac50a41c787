//! `GET /api/v1/postings/{id}/jsonld`.

use actix_web::{HttpResponse, get, web};
use uuid::Uuid;

use super::not_found;
use crate::errors::{ApiError, ErrorCode, Problem};
use crate::state::AppState;

/// A published job as schema.org `JobPosting`, or a course as `Course`, in JSON-LD (public).
#[utoipa::path(
    tag = "postings",
    params(("id" = Uuid, Path, description = "A published job or course")),
    responses(
        (status = 200, content_type = "application/ld+json", body = Object),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/postings/{id}/jsonld")]
pub async fn get_posting_jsonld(
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let mut conn = state.conn().await?;
    let posting = labour_store::postings::for_index(&mut conn, &[id])
        .await?
        .into_iter()
        .next()
        .filter(|p| p.row.is_public())
        .ok_or_else(|| not_found(id))?;
    let url = format!("{}/api/v1/postings/{id}", state.public_url);
    let doc = labour_app::postings::jsonld::json_ld(&posting, &url).ok_or_else(|| {
        ApiError::new(ErrorCode::Conflict).detail(
            "Nhu cầu đào tạo không có kiểu schema.org tương ứng; chỉ tin tuyển dụng và khóa học có JSON-LD.",
            "Training needs have no schema.org type; only jobs and courses have JSON-LD.",
        )
    })?;
    Ok(HttpResponse::Ok()
        .content_type("application/ld+json")
        .body(labour_app::postings::jsonld::json_ld_text(&doc)))
}
