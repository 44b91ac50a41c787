//! Published postings as open data: a flat record per posting (for CSV and JSON lines). Only
//! what is already public leaves: the posting's content and the names it refers to. (Their
//! schema.org JSON-LD is `labour_app::postings::jsonld`'s.)

use labour_domain::posting::content::{Content, Salary, for_listing};
use labour_store::postings::ForIndex;
use serde::Serialize;

use crate::export::Cell;

/// One published posting, flat.
#[derive(Debug, Serialize)]
pub struct Record {
    pub id: String,
    pub kind: String,
    pub title: String,
    pub organisation: String,
    pub occupation_code: String,
    pub occupation: String,
    pub occupation_group: String,
    pub zone: String,
    pub commune_code: String,
    pub commune: String,
    pub level: String,
    /// Workers wanted, seats, or trainees.
    pub places: u32,
    pub salary_min_vnd: Option<u64>,
    pub salary_max_vnd: Option<u64>,
    pub deadline: String,
    pub start_date: String,
    pub published_at: String,
}

/// Vietnamese headings of the CSV, in `Record`'s field order.
pub const CSV_HEADINGS: [&str; 17] = [
    "Mã tin",
    "Loại tin",
    "Tiêu đề",
    "Đơn vị đăng",
    "Mã nghề",
    "Nghề",
    "Nhóm nghề",
    "Khu/cụm công nghiệp",
    "Mã xã/phường",
    "Xã/phường",
    "Trình độ",
    "Số lượng",
    "Lương tối thiểu (đồng/tháng)",
    "Lương tối đa (đồng/tháng)",
    "Hạn nộp hồ sơ",
    "Ngày bắt đầu",
    "Ngày đăng",
];

impl Record {
    /// The record as a CSV line, in [`CSV_HEADINGS`]' order: text through the one spreadsheet
    /// guard, numbers as numbers.
    pub fn cells(&self) -> Vec<Cell> {
        let text = |t: &str| Cell::Text(t.to_owned());
        let vnd = |v: Option<u64>| {
            v.and_then(|v| i64::try_from(v).ok())
                .map_or(Cell::Empty, Cell::Number)
        };
        vec![
            text(&self.id),
            text(&self.kind),
            text(&self.title),
            text(&self.organisation),
            text(&self.occupation_code),
            text(&self.occupation),
            text(&self.occupation_group),
            text(&self.zone),
            text(&self.commune_code),
            text(&self.commune),
            text(&self.level),
            Cell::Number(i64::from(self.places)),
            vnd(self.salary_min_vnd),
            vnd(self.salary_max_vnd),
            text(&self.deadline),
            text(&self.start_date),
            text(&self.published_at),
        ]
    }
}

pub fn record(p: &ForIndex) -> Option<Record> {
    // Read as lists read it: what only the posting's own page shows is not even at hand.
    let content: Content = serde_json::from_value(for_listing(p.row.content.clone())).ok()?;
    let (places, salary, start) = match &content {
        Content::Job(j) => (
            j.headcount,
            match j.salary {
                Salary::Range { min_vnd, max_vnd } => (Some(min_vnd), Some(max_vnd)),
                Salary::Negotiable => (None, None),
            },
            j.start_date,
        ),
        Content::Course(c) => (c.seats, (None, None), c.start_dates.iter().min().copied()),
        Content::TrainingNeed(n) => (n.trainees, (None, None), Some(n.period_start)),
    };
    let day = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    Some(Record {
        id: p.row.id.to_string(),
        kind: <&str>::from(p.row.kind).to_owned(),
        title: content.title().to_owned(),
        organisation: p.organisation_name.clone(),
        occupation_code: p.row.occupation_code.clone(),
        occupation: p.occupation_name.clone(),
        occupation_group: p.occupation_group.clone(),
        zone: p.zone_name.clone().unwrap_or_default(),
        commune_code: p.row.commune_code.clone().unwrap_or_default(),
        commune: p.commune_name.clone().unwrap_or_default(),
        level: content.level().unwrap_or_default().to_owned(),
        places,
        salary_min_vnd: salary.0,
        salary_max_vnd: salary.1,
        deadline: day(content.deadline()),
        start_date: day(start),
        published_at: p
            .row
            .published_at
            .map(|t| t.to_rfc3339())
            .unwrap_or_default(),
    })
}
