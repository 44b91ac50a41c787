//! `POST /api/v1/declaration-years`.

use actix_web::{HttpResponse, post, web};
use serde::Deserialize;
use utoipa::ToSchema;

use super::DeclarationYear;
use crate::auth::Caller;
use crate::errors::{ApiError, Problem};
use crate::extract::Json;
use crate::state::AppState;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OpenYear {
    /// The year the declarations describe (the workforce at its end, recruitment planned for
    /// the next), 2020 to 2035.
    #[schema(minimum = 2020, maximum = 2035)]
    pub year: i32,
}

/// Opens a collection year: enterprises can declare for it until staff close it (staff).
#[utoipa::path(
    tag = "statistics",
    request_body = OpenYear,
    security(("bearer_token" = [])),
    responses(
        (status = 201, body = DeclarationYear),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/declaration-years")]
pub async fn create_declaration_year(
    state: web::Data<AppState>,
    caller: Caller,
    body: Json<OpenYear>,
) -> Result<HttpResponse, ApiError> {
    let row = labour_app::declaration_years::create(&state.app, &caller, body.year).await?;
    Ok(HttpResponse::Created().json(DeclarationYear::from(row)))
}
