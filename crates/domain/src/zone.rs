//! Zones: industrial parks (KCN), industrial clusters (CCN) and the border-gate economic zone.
//! They are rows that staff add and correct, so only their kinds and statuses are closed sets.

use crate::error::ClosedSet;

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
pub enum ZoneKind {
    /// Khu công nghiệp (KCN).
    IndustrialPark,
    /// Cụm công nghiệp (CCN).
    IndustrialCluster,
    /// Khu kinh tế cửa khẩu.
    EconomicZone,
}

impl ClosedSet for ZoneKind {
    const WHAT: &'static str = "zone kind";
}

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
pub enum ZoneStatus {
    Operating,
    Planned,
    Unknown,
}

impl ClosedSet for ZoneStatus {
    const WHAT: &'static str = "zone status";
}

/// How far a reference row can be trusted, as its source says.
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
pub enum Confidence {
    High,
    Medium,
    Low,
}

impl ClosedSet for Confidence {
    const WHAT: &'static str = "confidence";
}

#[cfg(test)]
mod tests {
    use strum::IntoEnumIterator;

    use super::*;
    use crate::Error;

    #[test]
    fn names_round_trip() {
        for kind in ZoneKind::iter() {
            assert_eq!(ZoneKind::parse(kind.as_str()), Ok(kind));
        }
        assert_eq!(
            ZoneKind::parse(" industrial_park"),
            Ok(ZoneKind::IndustrialPark)
        );
        assert_eq!(
            ZoneKind::parse("kcn"),
            Err(Error::UnknownVariant {
                what: "zone kind",
                value: "kcn".into(),
                expected: "industrial_park, industrial_cluster, economic_zone".into()
            })
        );
        assert_eq!(ZoneStatus::parse("planned"), Ok(ZoneStatus::Planned));
        assert_eq!(Confidence::parse("low"), Ok(Confidence::Low));
    }
}
