//! What the index holds for a published posting: its public content and the names that people
//! search by. Built from domain types only; nothing personal, nothing unpublished.

use chrono::{DateTime, NaiveDate, Utc};
use labour_domain::ClosedSet;
use labour_domain::posting::content::Salary;
use labour_domain::posting::{Content, Kind};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchDocument {
    pub id: Uuid,
    pub kind: Kind,
    pub title: String,
    pub description: String,
    pub organisation_id: Uuid,
    pub organisation_name: String,
    pub occupation_code: String,
    pub occupation_name: String,
    pub occupation_group: String,
    pub zone_id: Option<Uuid>,
    pub zone_name: Option<String>,
    pub commune_code: Option<String>,
    pub commune_name: Option<String>,
    pub level: Option<String>,
    pub skills: Vec<String>,
    pub salary_min_vnd: Option<u64>,
    pub salary_max_vnd: Option<u64>,
    pub shifts: Vec<String>,
    pub mode: Option<String>,
    pub learner_support: Vec<String>,
    pub deadline: Option<NaiveDate>,
    /// When the job, course or training starts (a course's first start date).
    pub start_date: Option<NaiveDate>,
    pub published_at: DateTime<Utc>,
    /// The public content as lists show it (no contact details), returned to clients as it is.
    pub content: serde_json::Value,
}

/// What the database knows about a posting besides its content.
#[derive(Debug, Clone, PartialEq)]
pub struct Facts {
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub organisation_name: String,
    pub occupation_name: String,
    pub occupation_group: String,
    pub zone_name: Option<String>,
    pub commune_name: Option<String>,
    pub published_at: DateTime<Utc>,
}

fn names<T: Serialize>(items: &[T]) -> Vec<String> {
    items
        .iter()
        .filter_map(|i| {
            serde_json::to_value(i)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
        })
        .collect()
}

impl SearchDocument {
    pub fn new(facts: Facts, content: &Content) -> SearchDocument {
        let mut doc = SearchDocument {
            id: facts.id,
            kind: content.kind(),
            title: content.title().trim().to_owned(),
            description: content.description().trim().to_owned(),
            organisation_id: facts.organisation_id,
            organisation_name: facts.organisation_name,
            occupation_code: content.occupation_code().to_owned(),
            occupation_name: facts.occupation_name,
            occupation_group: facts.occupation_group,
            zone_id: content.zone_id(),
            zone_name: facts.zone_name,
            commune_code: content.commune_code().map(str::to_owned),
            commune_name: facts.commune_name,
            level: content.level().map(str::to_owned),
            skills: Vec::new(),
            salary_min_vnd: None,
            salary_max_vnd: None,
            shifts: Vec::new(),
            mode: None,
            learner_support: Vec::new(),
            deadline: content.deadline(),
            start_date: None,
            published_at: facts.published_at,
            // Contact details stay on the posting's own page: never in the index.
            content: labour_domain::posting::content::for_listing(
                serde_json::to_value(content).unwrap_or_default(),
            ),
        };
        match content {
            Content::Job(j) => {
                doc.skills = j.skills.clone();
                if let Salary::Range { min_vnd, max_vnd } = j.salary {
                    doc.salary_min_vnd = Some(min_vnd);
                    doc.salary_max_vnd = Some(max_vnd);
                }
                doc.shifts = names(&j.shifts);
                doc.start_date = j.start_date;
            }
            Content::Course(c) => {
                doc.mode = serde_json::to_value(c.mode)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned));
                doc.learner_support = names(&c.learner_support);
                doc.start_date = c.start_dates.iter().min().copied();
            }
            Content::TrainingNeed(n) => doc.start_date = Some(n.period_start),
        }
        doc
    }

    pub fn kind_name(&self) -> &'static str {
        self.kind.as_str()
    }
}
