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

impl Status {
    /// Whether an application may go from `self` to `to`: an open application (received,
    /// shortlisted, interview) moves on, is rejected or withdrawn; a decided or withdrawn
    /// application stays. Who may make which move is the policy's question
    /// (`policy::Action::MoveApplication`).
    pub fn can_move(self, to: Status) -> Result<(), Error> {
        use Status::*;
        let open = matches!(self, Received | Shortlisted | Interview);
        if open && to != self && to != Received {
            Ok(())
        } else {
            Err(Error::ApplicationMoveNotAllowed {
                from: self.as_str(),
                to: to.as_str(),
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
        assert!(Status::Received.can_move(Status::Shortlisted).is_ok());
        assert!(Status::Interview.can_move(Status::Hired).is_ok());
        assert!(Status::Shortlisted.can_move(Status::Withdrawn).is_ok());
        assert!(Status::Received.can_move(Status::Received).is_err());
        assert!(Status::Shortlisted.can_move(Status::Received).is_err());
        assert!(Status::Hired.can_move(Status::Withdrawn).is_err());
        assert!(Status::Withdrawn.can_move(Status::Shortlisted).is_err());
        assert!(Status::Rejected.can_move(Status::Interview).is_err());
    }

    #[test]
    fn only_shareable_fields_leave_the_profile() {
        let profile = serde_json::json!({ "full_name": "Mai", "phone": "+84912345678", "citizen_id": "020301001234" });
        let shared = snapshot(&profile, &["full_name".into(), "skills".into()]);
        assert_eq!(shared, Ok(serde_json::json!({ "full_name": "Mai" })));
        assert!(snapshot(&profile, &["citizen_id".into()]).is_err());
    }
}
