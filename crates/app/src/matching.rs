//! What recommendations and candidate search share: the reference data the fit needs, and a
//! posting's content read as a requirement.

use std::collections::HashMap;

use crate::errors::Error;
use labour_domain::posting::content::{Content, CourseMode, JobContent, Salary};
use labour_domain::recommendation::{CourseOffer, Levels, Requirement, Seeker};
use labour_domain::worker::WorkerProfile;

/// Training levels, each occupation's group and every known code: read once, as only a migration
/// changes them (a few hundred rows).
#[derive(Debug)]
pub struct Reference {
    pub levels: Levels,
    groups: HashMap<String, String>,
    /// Every code a request may name, for the one `unknown_reference` check.
    pub known: crate::known::Known,
    /// The names search results show for codes.
    pub labels: crate::search::Labels,
}

impl Reference {
    pub async fn load(conn: &mut labour_store::Conn) -> Result<Reference, Error> {
        let levels = labour_store::training_levels::list(conn).await?;
        let groups = labour_store::occupations::all_groups(conn).await?;
        Ok(Reference {
            levels: Levels::new(levels.into_iter().map(|l| {
                (
                    l.code,
                    u8::try_from(l.rank).unwrap_or_default(),
                    l.name_vi,
                    l.name_en,
                )
            })),
            groups: groups.into_iter().collect(),
            known: crate::known::Known::load(conn).await?,
            labels: crate::search::Labels::load(conn).await?,
        })
    }

    pub fn group_of(&self, occupation: &str) -> Option<String> {
        self.groups.get(occupation).cloned()
    }

    /// The occupations of the given groups.
    pub fn occupations_in(&self, groups: &[&str]) -> Vec<String> {
        let mut out: Vec<String> = self
            .groups
            .iter()
            .filter(|(_, g)| groups.contains(&g.as_str()))
            .map(|(code, _)| code.clone())
            .collect();
        out.sort();
        out
    }

    pub fn seeker(&self, profile: &WorkerProfile) -> Seeker {
        Seeker::new(profile, &self.levels, |o| self.group_of(o))
    }
}

/// A job as a requirement (its own level); a training need or a course asks for none, as
/// their people are the trainees.
pub fn requirement<'a>(content: &'a Content, group: &'a str) -> Requirement<'a> {
    let base = Requirement {
        occupation_code: content.occupation_code(),
        occupation_group: group,
        level: None,
        zone_id: content.zone_id(),
        commune_code: content.commune_code(),
        skills: &[],
        salary_max_vnd: None,
        shifts: &[],
    };
    match content {
        Content::Job(j) => job_requirement(j, group),
        _ => base,
    }
}

pub fn job_requirement<'a>(j: &'a JobContent, group: &'a str) -> Requirement<'a> {
    Requirement {
        occupation_code: &j.occupation_code,
        occupation_group: group,
        level: j.required_level.as_deref(),
        zone_id: j.zone_id,
        commune_code: j.commune_code.as_deref(),
        skills: &j.skills,
        salary_max_vnd: match j.salary {
            Salary::Range { max_vnd, .. } => Some(max_vnd),
            Salary::Negotiable => None,
        },
        shifts: &j.shifts,
    }
}

pub fn course_offer<'a>(
    c: &'a labour_domain::posting::content::CourseContent,
    group: &'a str,
) -> CourseOffer<'a> {
    CourseOffer {
        occupation_code: &c.occupation_code,
        occupation_group: group,
        level: &c.level,
        start_dates: &c.start_dates,
        zone_id: c.zone_id,
        commune_code: c.commune_code.as_deref(),
        online: matches!(c.mode, CourseMode::Online | CourseMode::Blended),
        tuition_vnd: c.tuition_vnd,
        learner_support: !c.learner_support.is_empty(),
    }
}
