//! Applications: what a worker shares with an enterprise, and how an application moves.

use crate::Error;
use crate::error::ClosedSet;

/// Profile fields a worker may share with an application. Ethnicity, citizen id and consents are
/// never shared.
pub const SHAREABLE: [&str; 15] = [
    "full_name",
    "birth_year",
    "gender",
    "commune_code",
    "phone",
    "email",
    "education",
    "training_level",
    "certificates",
    "skills",
    "work_history",
    "desired_occupations",
    "expected_salary_vnd",
    "shift_preferences",
    "it_skills",
];

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::EnumIter,
    strum::VariantNames,
)]
#[strum(serialize_all = "snake_case")]
pub enum Status {
    Received,
    Shortlisted,
    Interview,
    Hired,
    Rejected,
    Withdrawn,
}

impl ClosedSet for Status {
    const WHAT: &'static str = "application status";
}

/// Who moves an application: the organisation that posted (an enterprise for a job, a school for
/// a course), or the worker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mover {
    Organisation,
    Worker,
}

impl Status {
    /// Whether `mover` may take an application from `self` to `to`: the organisation moves it on or
    /// rejects it; the worker withdraws it; a decided or withdrawn application stays.
    pub fn can_move(self, to: Status, mover: Mover) -> Result<(), Error> {
        use Status::*;
        let open = matches!(self, Received | Shortlisted | Interview);
        let ok = match mover {
            Mover::Worker => open && to == Withdrawn,
            Mover::Organisation => {
                open && matches!(to, Shortlisted | Interview | Hired | Rejected) && to != self
            }
        };
        if ok {
            Ok(())
        } else {
            Err(Error::TransitionNotAllowed {
                from: self.as_str(),
                transition: to.as_str(),
            })
        }
    }
}

/// The part of a profile (JSON) the worker chose to share; unknown or private names are errors.
pub fn snapshot(
    profile: &serde_json::Value,
    share: &[String],
) -> Result<serde_json::Value, (usize, Error)> {
    let mut out = serde_json::Map::new();
    for (i, field) in share.iter().enumerate() {
        if !SHAREABLE.contains(&field.as_str()) {
            return Err((
                i,
                Error::UnknownVariant {
                    what: "shareable field",
                    value: field.clone(),
                    expected: SHAREABLE.join(", "),
                },
            ));
        }
        if let Some(v) = profile.get(field) {
            out.insert(field.clone(), v.clone());
        }
    }
    Ok(serde_json::Value::Object(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves() {
        assert!(
            Status::Received
                .can_move(Status::Shortlisted, Mover::Organisation)
                .is_ok()
        );
        assert!(
            Status::Interview
                .can_move(Status::Hired, Mover::Organisation)
                .is_ok()
        );
        assert!(
            Status::Received
                .can_move(Status::Withdrawn, Mover::Organisation)
                .is_err()
        );
        assert!(
            Status::Received
                .can_move(Status::Hired, Mover::Worker)
                .is_err()
        );
        assert!(
            Status::Shortlisted
                .can_move(Status::Withdrawn, Mover::Worker)
                .is_ok()
        );
        assert!(
            Status::Hired
                .can_move(Status::Withdrawn, Mover::Worker)
                .is_err()
        );
        assert!(
            Status::Withdrawn
                .can_move(Status::Shortlisted, Mover::Organisation)
                .is_err()
        );
    }

    #[test]
    fn only_shareable_fields_leave_the_profile() {
        let profile = serde_json::json!({ "full_name": "Mai", "phone": "+84912345678", "citizen_id": "020301001234" });
        let shared = snapshot(&profile, &["full_name".into(), "skills".into()]);
        assert_eq!(shared, Ok(serde_json::json!({ "full_name": "Mai" })));
        assert!(snapshot(&profile, &["citizen_id".into()]).is_err());
    }
}
