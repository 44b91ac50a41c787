//! The lifecycle every posting follows:
//!
//! ```text
//! draft -> pending -> published -> closed | expired | removed
//!               \-> rejected -> (edited) -> pending
//! ```
//! An edit to a published posting is a revision under review while the approved version stays
//! public; approving it replaces the public version, rejecting it drops it.

use crate::Error;
use crate::error::ClosedSet;

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    serde::Serialize,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::EnumIter,
    strum::VariantNames,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum State {
    Draft,
    Pending,
    Published,
    Rejected,
    Closed,
    Expired,
    Removed,
}

impl ClosedSet for State {
    const WHAT: &'static str = "state";
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum Transition {
    /// The owner edits the content.
    Edit,
    /// The owner sends a draft to review.
    Submit,
    Approve,
    Reject,
    Remove,
    /// The owner ends a published posting.
    Close,
    /// The deadline passed.
    Expire,
}

/// Where a transition leads: the new state, and what happens to the revision under review.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    pub state: State,
    pub revision: Revision,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Revision {
    /// Nothing changes about a revision.
    Keep,
    /// The edit becomes the revision under review (the public version stays).
    StartReview,
    /// The revision replaces the public version.
    Apply,
    /// The revision is dropped.
    Drop,
    /// The edit replaces the content directly (not public yet).
    Replace,
}

impl State {
    /// Whether the public sees it (and the search index holds it).
    pub fn is_public(self) -> bool {
        self == State::Published
    }

    /// The state after `transition`, given whether a revision is under review.
    pub fn apply(self, transition: Transition, has_revision: bool) -> Result<Outcome, Error> {
        use Revision::*;
        use State::*;
        let to = |state, revision| Ok(Outcome { state, revision });
        match (transition, self) {
            (Transition::Edit, Draft) => to(Draft, Replace),
            (Transition::Edit, Pending | Rejected) => to(Pending, Replace),
            (Transition::Edit, Published) => to(Published, StartReview),
            (Transition::Submit, Draft) => to(Pending, Keep),
            (Transition::Approve, Pending) => to(Published, Keep),
            (Transition::Approve, Published) if has_revision => to(Published, Apply),
            (Transition::Reject, Pending) => to(Rejected, Keep),
            (Transition::Reject, Published) if has_revision => to(Published, Drop),
            (Transition::Remove, Pending | Published | Rejected | Draft) => to(Removed, Drop),
            (Transition::Close, Published) => to(Closed, Drop),
            (Transition::Expire, Published) => to(Expired, Drop),
            _ => Err(Error::TransitionNotAllowed {
                from: self.as_str(),
                transition: transition.into(),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use strum::IntoEnumIterator;

    use super::*;

    #[test]
    fn the_diagram() {
        let go = |s: State, t, r| s.apply(t, r).map(|o| (o.state, o.revision));
        assert_eq!(
            go(State::Draft, Transition::Submit, false),
            Ok((State::Pending, Revision::Keep))
        );
        assert_eq!(
            go(State::Pending, Transition::Approve, false),
            Ok((State::Published, Revision::Keep))
        );
        assert_eq!(
            go(State::Pending, Transition::Reject, false),
            Ok((State::Rejected, Revision::Keep))
        );
        assert_eq!(
            go(State::Rejected, Transition::Edit, false),
            Ok((State::Pending, Revision::Replace))
        );
        assert_eq!(
            go(State::Published, Transition::Edit, false),
            Ok((State::Published, Revision::StartReview))
        );
        assert_eq!(
            go(State::Published, Transition::Approve, true),
            Ok((State::Published, Revision::Apply))
        );
        assert_eq!(
            go(State::Published, Transition::Reject, true),
            Ok((State::Published, Revision::Drop))
        );
        assert!(
            go(State::Published, Transition::Approve, false).is_err(),
            "nothing to approve"
        );
        assert_eq!(
            go(State::Published, Transition::Expire, false).map(|o| o.0),
            Ok(State::Expired)
        );
        assert_eq!(
            go(State::Published, Transition::Close, true).map(|o| o.0),
            Ok(State::Closed)
        );
    }

    #[test]
    fn ended_postings_stay_ended() {
        for end in [State::Closed, State::Expired, State::Removed] {
            for t in [
                Transition::Edit,
                Transition::Submit,
                Transition::Approve,
                Transition::Reject,
                Transition::Close,
            ] {
                assert!(end.apply(t, false).is_err(), "{end:?} {t:?}");
            }
        }
        assert_eq!(
            State::iter().filter(|s| s.is_public()).collect::<Vec<_>>(),
            vec![State::Published]
        );
    }
}
