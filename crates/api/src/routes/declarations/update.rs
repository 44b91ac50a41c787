//! `PUT /api/v1/organisations/{id}/declarations/{year}`.

use actix_web::{HttpRequest, HttpResponse, put, web};
use labour_domain::declaration::{Declaration, YearState};
use labour_domain::policy::Action;
use labour_store::declarations::Saved;
use uuid::Uuid;

use super::DeclarationView;
use crate::auth::Caller;
use crate::errors::{ApiError, ErrorCode, FieldErrors, Problem};
use crate::extract::Json;
use crate::routes::organisations::load_for;
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
    request_body(content = Object, description = "`workforce`, `planned_recruitment`, `training_needs`"),
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
    body: Json<Declaration>,
) -> Result<HttpResponse, ApiError> {
    let (id, year) = path.into_inner();
    let year = crate::pagination::path_year(year, &labour_domain::bounds::declaration_years())?;
    let mut conn = state.conn().await?;
    let org = load_for(&mut conn, &caller, id, Action::Declare).await?;
    if org.kind != "enterprise" {
        return Err(ApiError::new(ErrorCode::Conflict).detail(
            "Chỉ doanh nghiệp kê khai lao động hằng năm.",
            "Only enterprises make the yearly labour declaration.",
        ));
    }
    let declaration = body.into_inner();
    let reference = state.reference().await?;
    let groups = labour_store::occupations::groups(&mut conn).await?;
    let mut errors = FieldErrors::default();
    for (field, e) in declaration.problems(
        |g| groups.iter().any(|x| x.key == g),
        |o| reference.group_of(o).is_some(),
        |l| reference.levels.rank(Some(l)) > 0,
    ) {
        errors.check::<()>(&field, Err(e));
    }
    errors.finish()?;
    let exists = labour_store::declarations::find(&mut conn, id, year)
        .await?
        .is_some();
    let expected = if exists { Some(if_match(&req)?) } else { None };
    let total = i32::try_from(declaration.total_workers()).unwrap_or(i32::MAX);
    let content = serde_json::to_value(&declaration).map_err(ApiError::internal)?;
    let saved = labour_store::declarations::save(
        &mut conn,
        id,
        year,
        &content,
        total,
        caller.account(),
        expected,
    )
    .await?;
    let row = match saved {
        Saved::Saved(row) => row,
        Saved::Stale { current } => {
            return Err(ApiError::new(ErrorCode::PreconditionFailed)
                .detail(
                    "Bản kê khai đã thay đổi; hãy đọc lại.",
                    "The declaration changed; read it again.",
                )
                .header(actix_web::http::header::ETAG, etag(current)));
        }
        Saved::YearNotOpen(YearState::Closed) => {
            return Err(ApiError::new(ErrorCode::Conflict).detail(
                format!("Năm {year} đã đóng; không sửa được bản kê khai."),
                format!("The year {year} is closed; its declarations can no longer change."),
            ));
        }
        Saved::YearNotOpen(_) => {
            return Err(ApiError::new(ErrorCode::Conflict).detail(
                format!("Năm {year} chưa mở để kê khai."),
                format!("The year {year} is not open for declarations."),
            ));
        }
    };
    let addr = caller.addr_string();
    let event = labour_store::audit::Event {
        subject_type: Some("declaration"),
        subject_id: Some(format!("{id}/{year}")),
        details: serde_json::json!({ "version": row.version, "total_workers": row.total_workers }),
        ..caller.event("declaration_saved", &addr)
    };
    labour_store::audit::record(&mut conn, event).await?;
    Ok(HttpResponse::Ok()
        .insert_header((actix_web::http::header::ETAG, etag(row.version)))
        .json(DeclarationView::from(row)))
}
