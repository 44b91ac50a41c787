//! `GET /api/v1/open-data/postings`.

use actix_web::web::Bytes;
use actix_web::{HttpResponse, get, web};
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

use crate::errors::{ApiError, Problem};
use crate::open_data::{CSV_HEADINGS, record};
use crate::pagination::QueryChecker;
use crate::state::AppState;

/// The values of `format`.
pub const FORMATS: [&str; 2] = ["jsonl", "csv"];

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct OpenDataQuery {
    /// `jsonl` (default: one JSON object per line) or `csv` (Vietnamese headings).
    format: Option<String>,
}

const CHUNK: i64 = 500;

/// Every published posting as open data, streamed in the order of its id (public).
#[utoipa::path(
    tag = "postings",
    params(OpenDataQuery),
    responses(
        (status = 200, description = "JSON lines or CSV", content(
            (String = "application/x-ndjson"),
            (String = "text/csv"),
        )),
        (status = 400, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/open-data/postings")]
pub async fn get_open_data_postings(
    state: web::Data<AppState>,
    query: web::Query<OpenDataQuery>,
) -> Result<HttpResponse, ApiError> {
    let mut check = QueryChecker::default();
    let csv = check
        .parse("format", query.format.as_deref(), |v| match v {
            "jsonl" => Ok(false),
            "csv" => Ok(true),
            other => Err(labour_domain::Error::UnknownVariant {
                what: "format",
                value: other.to_owned(),
                expected: FORMATS.join(", "),
            }),
        })
        .unwrap_or(false);
    check.finish()?;
    // Fail before the first byte when the database is away; later failures end the stream.
    drop(state.conn().await?);
    let pool = state.pool.clone();
    let head = if csv {
        let mut w = csv::Writer::from_writer(Vec::from("\u{feff}".as_bytes()));
        w.write_record(CSV_HEADINGS).map_err(ApiError::internal)?;
        Some(Bytes::from(w.into_inner().map_err(ApiError::internal)?))
    } else {
        None
    };
    let body = futures_util::stream::unfold((Some(None::<Uuid>), head), move |(after, head)| {
        let pool = pool.clone();
        async move {
            if let Some(head) = head {
                return Some((Ok::<_, ApiError>(head), (after, None)));
            }
            let after = after?;
            let chunk = async {
                let mut conn = labour_store::db::get(&pool).await?;
                let ids = labour_store::postings::published_ids(&mut conn, after, CHUNK).await?;
                let rows = labour_store::postings::for_index(&mut conn, &ids).await?;
                Ok::<_, ApiError>((ids, rows))
            }
            .await;
            let (ids, rows) = match chunk {
                Ok(c) => c,
                Err(e) => return Some((Err(e), (None, None))),
            };
            if ids.is_empty() {
                return None;
            }
            let mut out = Vec::new();
            let mut w = csv::WriterBuilder::new()
                .has_headers(false)
                .from_writer(Vec::new());
            for r in rows.iter().filter_map(record) {
                if csv {
                    let cells = r.cells();
                    let fields = cells.iter().map(crate::export::csv_field);
                    if let Err(e) = w.write_record(fields.map(|f| f.into_owned())) {
                        return Some((Err(ApiError::internal(e)), (None, None)));
                    }
                } else if let Ok(line) = serde_json::to_vec(&r) {
                    out.extend(line);
                    out.push(b'\n');
                }
            }
            if csv {
                match w.into_inner() {
                    Ok(bytes) => out = bytes,
                    Err(e) => return Some((Err(ApiError::internal(e)), (None, None))),
                }
            }
            let next = if (ids.len() as i64) < CHUNK {
                None
            } else {
                Some(ids.last().copied())
            };
            Some((Ok(Bytes::from(out)), (next, None)))
        }
    });
    let (content_type, name) = if csv {
        ("text/csv; charset=utf-8", "postings.csv")
    } else {
        ("application/x-ndjson", "postings.jsonl")
    };
    Ok(HttpResponse::Ok()
        .content_type(content_type)
        .insert_header((
            actix_web::http::header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{name}\""),
        ))
        .streaming(body))
}
