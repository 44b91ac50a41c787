//! The workers who fit a job, training need or course, for its organisation and staff.

use labour_domain::application::snapshot;
use labour_domain::policy::Action;
use labour_domain::posting::content::Content;
use labour_domain::recommendation::{Fit, fit};
use labour_domain::worker::WorkerProfile;
use uuid::Uuid;

use crate::errors::Error;
use crate::matching::requirement;
use crate::{App, Caller, facts};

/// Discoverable profiles weighed per request (those wanting an occupation of the group).
const WEIGHED: i64 = 1000;
const SHOWN: usize = 50;

/// A worker as the organisation sees them when found.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub worker_id: Uuid,
    pub fit: Fit,
    /// Only the profile fields the worker chose to show when found.
    pub shared: serde_json::Value,
}

/// Those who can take the posting now first, then by score; each shows only what they share.
pub async fn list(app: &App, caller: &Caller, posting: Uuid) -> crate::Result<Vec<Candidate>> {
    let mut conn = app.conn().await?;
    let row = facts::posting_for(&mut conn, caller, posting, Action::FindCandidates).await?;
    let content: Content = serde_json::from_value(row.content).map_err(Error::internal)?;
    let reference = app.reference().await?;
    let group = reference
        .group_of(content.occupation_code())
        .unwrap_or_default();
    let occupations = reference.occupations_in(&[group.as_str()]);
    let profiles = labour_store::workers::discoverable(&mut conn, &occupations, WEIGHED).await?;
    let requirement = requirement(&content, &group);
    let mut ranked: Vec<Candidate> = profiles
        .into_iter()
        .filter_map(|row| {
            // A stored profile always parses; one that does not is skipped, not fatal.
            let profile: WorkerProfile = serde_json::from_value(row.profile.clone()).ok()?;
            let fit = fit(&reference.seeker(&profile), &requirement, &reference.levels)?;
            let shared = snapshot(&row.profile, &profile.discoverable_fields()).ok()?;
            Some(Candidate {
                worker_id: row.account_id,
                fit,
                shared,
            })
        })
        .collect();
    ranked.sort_by_key(|c| {
        (
            c.fit.missing_level.is_some(),
            std::cmp::Reverse(c.fit.score),
        )
    });
    ranked.truncate(SHOWN);
    Ok(ranked)
}
