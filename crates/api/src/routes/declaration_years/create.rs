//! `POST /api/v1/declaration-years`.

use actix_web::{HttpResponse, post, web};
use labour_domain::declaration::YEARS;
use labour_domain::policy::Action;
use serde::Deserialize;
use utoipa::ToSchema;

use super::DeclarationYear;
use crate::auth::{Caller, require};
use crate::errors::{ApiError, ErrorCode, FieldErrors, Problem};
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
    require(&caller, Action::ManageDeclarationYears, || {
        ApiError::internal("never hidden")
    })?;
    let year = body.year;
    let mut errors = FieldErrors::default();
    if !u16::try_from(year).is_ok_and(|y| YEARS.contains(&y)) {
        errors.check::<()>(
            "year",
            Err(labour_domain::Error::OutOfRange {
                min: (*YEARS.start()).into(),
                max: (*YEARS.end()).into(),
            }),
        );
    }
    errors.finish()?;
    let mut conn = state.conn().await?;
    if !labour_store::declarations::open_year(&mut conn, year).await? {
        return Err(ApiError::new(ErrorCode::Conflict).detail(
            format!("Năm {year} đã được mở."),
            format!("The year {year} is open already."),
        ));
    }
    let addr = caller.addr_string();
    let event = labour_store::audit::Event {
        subject_type: Some("declaration_year"),
        subject_id: Some(year.to_string()),
        ..caller.event("declaration_year_opened", &addr)
    };
    labour_store::audit::record(&mut conn, event).await?;
    let row = labour_store::declarations::find_year(&mut conn, year)
        .await?
        .ok_or_else(|| ApiError::internal("opened year vanished"))?;
    Ok(HttpResponse::Created().json(DeclarationYear::from(row)))
}
