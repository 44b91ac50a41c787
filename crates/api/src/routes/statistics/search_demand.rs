//! `GET /api/v1/statistics/search-demand`.

use actix_web::{HttpResponse, get, web};
use labour_domain::policy::Action;
use labour_domain::statistics::MIN_CELL;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::auth::{Caller, require};
use crate::errors::{ApiError, Problem};
use crate::export::{Cell, Sheet};
use crate::pagination::QueryChecker;
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct SearchDemandQuery {
    /// The last this many days (1 to 366, default 30).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 366)]
    days: Option<String>,
    /// `json` (default), `csv` or `xlsx`.
    format: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SearchedFor {
    /// The words, folded (no diacritics, lower case).
    pub query: String,
    pub searches: i64,
    /// Searches that found nothing.
    pub found_nothing: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SearchDemand {
    pub days: u32,
    /// Queries appear only once searched at least this many times.
    pub min_searches: u64,
    /// What people looked for and did not find: the portal's gaps.
    pub not_found: Vec<SearchedFor>,
    pub most_searched: Vec<SearchedFor>,
}

fn shown(rows: Vec<labour_store::search_demand::Demand>) -> Vec<SearchedFor> {
    rows.into_iter()
        .map(|d| SearchedFor {
            query: d.query,
            searches: d.searches,
            found_nothing: d.zero_results,
        })
        .collect()
}

/// What workers search for, and what they search for and do not find (staff). A query shows
/// only once searched at least 5 times.
#[utoipa::path(
    tag = "statistics",
    params(SearchDemandQuery),
    security(("bearer_token" = [])),
    responses(
        (status = 200, description = "The lists; `format=csv` or `xlsx` gives a file", content(
            (SearchDemand = "application/json"),
            (String = "text/csv"),
            (String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        )),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/statistics/search-demand")]
pub async fn get_search_demand(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<SearchDemandQuery>,
) -> Result<HttpResponse, ApiError> {
    require(&caller, Action::ReadStaffStatistics, || {
        ApiError::internal("never hidden")
    })?;
    let mut check = QueryChecker::default();
    let days = check
        .number(
            "days",
            query.days.as_deref(),
            &labour_domain::bounds::SEARCH_DEMAND_DAYS,
        )
        .and_then(|d| u32::try_from(d).ok())
        .unwrap_or(30);
    let format = crate::export::format(&mut check, query.format.as_deref());
    check.finish()?;
    let from = chrono::Utc::now().date_naive() - chrono::Days::new(u64::from(days));
    let min = i64::try_from(MIN_CELL).unwrap_or(5);
    let mut conn = state.conn().await?;
    let not_found = shown(labour_store::search_demand::top(&mut conn, from, min, true, 100).await?);
    let most_searched =
        shown(labour_store::search_demand::top(&mut conn, from, min, false, 100).await?);
    if format == "json" {
        return Ok(HttpResponse::Ok().json(SearchDemand {
            days,
            min_searches: MIN_CELL,
            not_found,
            most_searched,
        }));
    }
    let sheet = Sheet {
        file_name: format!("search-demand-{days}-days"),
        title: "Nhu cầu tìm kiếm".into(),
        headings: ["Từ khóa", "Số lượt tìm", "Số lượt không có kết quả"]
            .map(str::to_owned)
            .to_vec(),
        rows: most_searched
            .iter()
            .map(|s| {
                vec![
                    Cell::Text(s.query.clone()),
                    Cell::Number(s.searches),
                    Cell::Number(s.found_nothing),
                ]
            })
            .collect(),
    };
    if format == "csv" {
        crate::export::csv(&sheet)
    } else {
        crate::export::xlsx(&sheet)
    }
}
