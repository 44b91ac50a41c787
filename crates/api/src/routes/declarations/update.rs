//! `PUT /api/v1/organisations/{id}/declarations/{year}`.

use actix_web::{HttpRequest, HttpResponse, put, web};
use uuid::Uuid;

use super::DeclarationView;
use super::body::DeclarationBody;
use crate::auth::Caller;
use crate::errors::{ApiError, Problem};
use crate::extract::Json;
use crate::routes::postings::{etag, if_match};
use crate::state::AppState;

/// Makes or corrects the enterprise's declaration for an open year (its members). Correcting
/// needs `If-Match` with the version read; every save is audited.
#[utoipa::path(
    tag = "statistics",
    params(
        ("id" = Uuid, Path, description = "The enterprise"),
        ("year" = i32, Path, minimum = 2020, maximum = 2035, description = "The collection year, 2020 to 2035"),
        ("If-Match" = Option<String>, Header, description = "Required to correct an existing declaration"),
    ),
    request_body(content = DeclarationBody, description = "`workforce`, `planned_recruitment`, `training_needs`"),
    security(("bearer_token" = [])),
    responses(
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 200, body = DeclarationView, headers(("ETag" = String))),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
        (status = 412, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 428, body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/organisations/{id}/declarations/{year}")]
pub async fn update_declaration(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<(Uuid, i64)>,
    body: Json<DeclarationBody>,
) -> Result<HttpResponse, ApiError> {
    let (id, year) = path.into_inner();
    let year = crate::pagination::path_year(year, &labour_domain::bounds::declaration_years())?;
    let expected = if_match(&req).map_err(|e| e.0);
    let declaration = body.into_inner().into();
    let row =
        labour_app::declarations::update(&state.app, &caller, id, year, declaration, expected)
            .await?;
    Ok(HttpResponse::Ok()
        .insert_header((actix_web::http::header::ETAG, etag(row.version)))
        .json(DeclarationView::from(row)))
}
