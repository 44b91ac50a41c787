//! Schools' offers for enterprises' training needs: where an offer stands.

use crate::error::ClosedSet;

/// An offer is open until the enterprise accepts it, or accepts another (then it is declined).
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
pub enum State {
    Open,
    Accepted,
    Declined,
}

impl ClosedSet for State {
    const WHAT: &'static str = "offer state";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_read_back_by_their_names() {
        use strum::IntoEnumIterator;
        for s in State::iter() {
            assert_eq!(State::parse(s.as_str()), Ok(s));
        }
        assert!(State::parse("closed").is_err());
    }
}
