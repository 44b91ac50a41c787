//! Tables as the API answers them: JSON, or CSV and XLSX with Vietnamese headings for
//! spreadsheets. The files themselves are written by `labour_app::export` (the pages' downloads
//! use it too); this module makes them responses.

use actix_web::HttpResponse;
use actix_web::http::header;
pub use labour_app::export::{Cell, SUPPRESSED, Sheet, csv_field, spreadsheet_text};

use crate::errors::ApiError;

/// The `format` parameter of an exportable table: `json` (the default), `csv` or `xlsx`; a bad
/// value is recorded in `check`.
/// The values of every exportable table's `format` parameter.
pub const FORMATS: [&str; 3] = ["json", "csv", "xlsx"];

pub fn format(check: &mut crate::pagination::QueryChecker, value: Option<&str>) -> &'static str {
    check
        .parse("format", value, |v| match v {
            "json" => Ok("json"),
            "csv" => Ok("csv"),
            "xlsx" => Ok("xlsx"),
            other => Err(labour_domain::Error::UnknownVariant {
                what: "format",
                value: other.to_owned(),
                expected: FORMATS.join(", "),
            }),
        })
        .unwrap_or("json")
}

fn attachment(name: &str) -> (header::HeaderName, String) {
    (
        header::CONTENT_DISPOSITION,
        format!("attachment; filename=\"{name}\""),
    )
}

/// CSV in UTF-8 with a byte-order mark, so spreadsheet programs read the Vietnamese right.
pub fn csv(sheet: &Sheet) -> Result<HttpResponse, ApiError> {
    let body = labour_app::export::csv(sheet)?;
    Ok(HttpResponse::Ok()
        .content_type(labour_app::export::CSV_TYPE)
        .insert_header(attachment(&format!("{}.csv", sheet.file_name)))
        .body(body))
}

/// One worksheet, headings in bold, numbers as numbers.
pub fn xlsx(sheet: &Sheet) -> Result<HttpResponse, ApiError> {
    let bytes = labour_app::export::xlsx(sheet)?;
    Ok(HttpResponse::Ok()
        .content_type(labour_app::export::XLSX_TYPE)
        .insert_header(attachment(&format!("{}.xlsx", sheet.file_name)))
        .body(bytes))
}
