//! Published postings as open data: a flat record per posting (for CSV and JSON lines) and
//! schema.org JSON-LD (`JobPosting`, `Course`) for search engines and aggregators. Only what
//! is already public leaves: the posting's content and the names it refers to.

use labour_domain::posting::content::{Content, CourseMode, Salary, for_listing};
use labour_store::postings::ForIndex;
use serde::Serialize;
use serde_json::{Value, json};

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

fn place(p: &ForIndex) -> Value {
    json!({
        "@type": "Place",
        "name": p.zone_name,
        "address": {
            "@type": "PostalAddress",
            "addressLocality": p.commune_name,
            "addressRegion": "Lạng Sơn",
            "addressCountry": "VN",
        }
    })
}

/// schema.org JSON-LD for a published job or course; `None` for a training need (schema.org has
/// no type for it).
pub fn json_ld(p: &ForIndex, public_url: &str) -> Option<Value> {
    let content: Content = serde_json::from_value(p.row.content.clone()).ok()?;
    let url = format!("{public_url}/api/v1/postings/{}", p.row.id);
    let published = p.row.published_at.map(|t| t.to_rfc3339());
    match content {
        Content::Job(j) => {
            let salary = match j.salary {
                Salary::Range { min_vnd, max_vnd } => json!({
                    "@type": "MonetaryAmount",
                    "currency": "VND",
                    "value": { "@type": "QuantitativeValue", "minValue": min_vnd, "maxValue": max_vnd, "unitText": "MONTH" }
                }),
                Salary::Negotiable => Value::Null,
            };
            let mut doc = json!({
                "@context": "https://schema.org",
                "@type": "JobPosting",
                "identifier": { "@type": "PropertyValue", "name": "Sàn việc làm Lạng Sơn", "value": p.row.id },
                "url": url,
                "title": j.title,
                "description": j.description,
                "datePosted": published,
                "validThrough": format!("{}T23:59:59+07:00", j.deadline),
                "hiringOrganization": { "@type": "Organization", "name": p.organisation_name },
                "jobLocation": place(p),
                "occupationalCategory": { "@type": "CategoryCode", "codeValue": j.occupation_code, "inCodeSet": "ISCO-08", "name": p.occupation_name },
                "totalJobOpenings": j.headcount,
                "skills": j.skills,
                "experienceRequirements": (j.experience_years > 0).then(|| json!({ "@type": "OccupationalExperienceRequirements", "monthsOfExperience": u32::from(j.experience_years) * 12 })),
                "jobStartDate": j.start_date,
            });
            if !salary.is_null() {
                doc["baseSalary"] = salary;
            }
            if j.required_level.is_some() {
                doc["educationRequirements"] = json!({ "@type": "EducationalOccupationalCredential", "credentialCategory": j.required_level });
            }
            Some(strip_nulls(doc))
        }
        Content::Course(c) => {
            let mode = match c.mode {
                CourseMode::Online => "online",
                CourseMode::Blended => "blended",
                CourseMode::AtSchool | CourseMode::AtEnterprise => "onsite",
            };
            Some(strip_nulls(json!({
                "@context": "https://schema.org",
                "@type": "Course",
                "identifier": p.row.id,
                "url": url,
                "name": c.title,
                "description": c.description,
                "provider": { "@type": "EducationalOrganization", "name": p.organisation_name },
                "educationalLevel": c.level,
                "educationalCredentialAwarded": c.certificate,
                "timeRequired": format!("P{}W", c.duration_weeks),
                "datePublished": published,
                "offers": { "@type": "Offer", "price": c.tuition_vnd, "priceCurrency": "VND", "category": if c.tuition_vnd == 0 { "Free" } else { "Paid" } },
                "hasCourseInstance": c.start_dates.iter().map(|d| json!({
                    "@type": "CourseInstance",
                    "courseMode": mode,
                    "startDate": d,
                    "location": place(p),
                })).collect::<Vec<_>>(),
            })))
        }
        Content::TrainingNeed(_) => None,
    }
}

/// JSON-LD as text that is safe inside an HTML `<script type="application/ld+json">`: `<`, `>`
/// and `&` are written as `\u003c`, `\u003e` and `\u0026`, so no title can close the script or
/// open a tag, and the text still parses to the same JSON. Every JSON-LD the portal serves or
/// embeds is written by this function.
pub fn json_ld_text(doc: &Value) -> String {
    let text = doc.to_string();
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            c => out.push(c),
        }
    }
    out
}

fn strip_nulls(v: Value) -> Value {
    match v {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k, strip_nulls(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(strip_nulls).collect()),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_ld_text_cannot_leave_its_script_and_reads_back() {
        let doc = json!({ "title": "</script><svg onload=alert(1)> & <!--" });
        let text = json_ld_text(&doc);
        assert!(!text.contains(['<', '>', '&']), "{text}");
        assert_eq!(serde_json::from_str::<Value>(&text).ok(), Some(doc));
    }
}
