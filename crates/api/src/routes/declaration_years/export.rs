//! `GET /api/v1/declaration-years/{year}/declarations`.

use actix_web::{HttpResponse, get, web};
use labour_domain::declaration::{Declaration, YearState};
use labour_domain::policy::Action;
use serde::Deserialize;
use utoipa::IntoParams;

use super::not_found;
use crate::auth::{Caller, require};
use crate::errors::{ApiError, Problem};
use crate::export::{Cell, Sheet};
use crate::pagination::QueryChecker;
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ExportQuery {
    /// `xlsx` (default) or `csv`.
    format: Option<String>,
}

/// Every declaration of a year, one line per row declared, with Vietnamese headings (staff).
#[utoipa::path(
    tag = "statistics",
    params(("year" = i32, Path, minimum = 2020, maximum = 2035, description = "The collection year, 2020 to 2035"), ExportQuery),
    security(("bearer_token" = [])),
    responses(
        (status = 200, description = "The declarations as a file", content(
            (String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            (String = "text/csv"),
        )),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/declaration-years/{year}/declarations")]
pub async fn export_declarations(
    state: web::Data<AppState>,
    caller: Caller,
    year: web::Path<i64>,
    query: web::Query<ExportQuery>,
) -> Result<HttpResponse, ApiError> {
    require(&caller, Action::ManageDeclarationYears, || {
        ApiError::internal("never hidden")
    })?;
    let year = crate::pagination::path_year(
        year.into_inner(),
        &labour_domain::bounds::declaration_years(),
    )?;
    let mut check = QueryChecker::default();
    let csv = check
        .parse("format", query.format.as_deref(), |v| match v {
            "xlsx" => Ok(false),
            "csv" => Ok(true),
            other => Err(labour_domain::Error::UnknownVariant {
                what: "format",
                value: other.to_owned(),
                expected: "xlsx, csv".into(),
            }),
        })
        .unwrap_or(false);
    check.finish()?;
    let mut conn = state.conn().await?;
    if labour_store::declarations::year_state(&mut conn, year).await? == YearState::NotOpened {
        return Err(not_found(year));
    }
    let n = |v: u32| Cell::Number(i64::from(v));
    let mut rows = Vec::new();
    for (row, name, tax_code) in labour_store::declarations::of_year_named(&mut conn, year).await? {
        let Ok(d) = serde_json::from_value::<Declaration>(row.content) else {
            continue;
        };
        let lead = |section: &str| {
            vec![
                Cell::Text(name.clone()),
                Cell::Text(tax_code.clone().unwrap_or_default()),
                Cell::Text(section.to_owned()),
            ]
        };
        for w in &d.workforce {
            let mut r = lead("Lao động hiện có");
            r.extend([
                Cell::Text(w.occupation_group.clone()),
                Cell::Text(w.level.clone()),
                n(w.workers),
                n(w.ethnic_minority),
                n(w.with_it_skills),
            ]);
            rows.push(r);
        }
        for p in &d.planned_recruitment {
            let mut r = lead("Dự kiến tuyển năm sau");
            r.extend([
                Cell::Text(p.occupation_code.clone()),
                Cell::Text(p.level.clone()),
                n(p.headcount),
                Cell::Empty,
                Cell::Empty,
            ]);
            rows.push(r);
        }
        for t in &d.training_needs {
            let purpose = match t.purpose {
                labour_domain::posting::content::TrainingPurpose::NewTraining => {
                    "Nhu cầu đào tạo mới"
                }
                labour_domain::posting::content::TrainingPurpose::Retraining => {
                    "Nhu cầu đào tạo lại"
                }
            };
            let mut r = lead(purpose);
            r.extend([
                Cell::Text(t.occupation_group.clone()),
                Cell::Text(t.level.clone()),
                n(t.trainees),
                Cell::Empty,
                Cell::Empty,
            ]);
            rows.push(r);
        }
    }
    let sheet = Sheet {
        file_name: format!("declarations-{year}"),
        title: format!("Kê khai lao động {year}"),
        headings: [
            "Doanh nghiệp",
            "Mã số thuế",
            "Mục",
            "Nhóm nghề / mã nghề",
            "Trình độ",
            "Số người",
            "Người dân tộc thiểu số",
            "Có kỹ năng tin học",
        ]
        .map(str::to_owned)
        .to_vec(),
        rows,
    };
    if csv {
        crate::export::csv(&sheet)
    } else {
        crate::export::xlsx(&sheet)
    }
}
