//! `GET /api/v1/organisations/{id}/declarations/{year}`.

use actix_web::{HttpResponse, get, web};
use labour_domain::policy::Action;
use uuid::Uuid;

use super::{DeclarationView, not_found};
use crate::auth::Caller;
use crate::errors::{ApiError, Problem};
use crate::routes::organisations::load_for;
use crate::routes::postings::etag;
use crate::state::AppState;

/// One year's declaration of an organisation (its members and staff), with its version as ETag.
#[utoipa::path(
    tag = "statistics",
    params(
        ("id" = Uuid, Path, description = "The enterprise"),
        ("year" = i32, Path, minimum = 2020, maximum = 2035, description = "The collection year, 2020 to 2035"),
    ),
    security(("bearer_token" = [])),
    responses(
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 200, body = DeclarationView, headers(("ETag" = String))),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/organisations/{id}/declarations/{year}")]
pub async fn get_declaration(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<(Uuid, i64)>,
) -> Result<HttpResponse, ApiError> {
    let (id, year) = path.into_inner();
    let year = crate::pagination::path_year(year, &labour_domain::bounds::declaration_years())?;
    let mut conn = state.conn().await?;
    let _org = load_for(&mut conn, &caller, id, Action::ReadDeclarations).await?;
    let row = labour_store::declarations::find(&mut conn, id, year)
        .await?
        .ok_or_else(|| not_found(id, year))?;
    Ok(HttpResponse::Ok()
        .insert_header((actix_web::http::header::ETAG, etag(row.version)))
        .json(DeclarationView::from(row)))
}
