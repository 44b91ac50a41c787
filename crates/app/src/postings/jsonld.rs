//! schema.org JSON-LD of a published posting (`JobPosting` for a job, `Course` for a course),
//! for search engines and aggregators: the API serves it and the posting's page embeds it, both
//! from here. Only what is already public goes in: the content and the names it refers to.

use labour_domain::posting::content::{Content, CourseMode, Salary};
use labour_store::postings::ForIndex;
use serde_json::{Value, json};

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

/// schema.org JSON-LD for a published job or course, saying it lives at `url` (the API's
/// address of it, or its page); `None` for a training need (schema.org has no type for it).
pub fn json_ld(p: &ForIndex, url: &str) -> Option<Value> {
    let content: Content = serde_json::from_value(p.row.content.clone()).ok()?;
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
