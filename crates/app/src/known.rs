//! The reference data a request may name (zones, communes, occupations, occupation groups,
//! training levels), read once, and the one check every endpoint makes against it: a code the
//! data does not hold is `unknown_reference`, in a posting, a worker's profile, a search filter
//! and a saved search alike (422 in a body, 400 in a query string).

use std::collections::HashSet;

use uuid::Uuid;

use crate::errors::FieldError;
use crate::lang::Text;

/// What a code names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Code {
    Zone,
    Commune,
    Occupation,
    OccupationGroup,
    TrainingLevel,
}

/// Every code of the reference data. Only a migration changes it, so it is read once.
#[derive(Debug, Default)]
pub struct Known {
    zones: HashSet<Uuid>,
    communes: HashSet<String>,
    occupations: HashSet<String>,
    groups: HashSet<String>,
    levels: HashSet<String>,
}

impl Known {
    pub async fn load(conn: &mut labour_store::Conn) -> Result<Known, labour_store::Error> {
        Ok(Known {
            zones: labour_store::zones::all(conn)
                .await?
                .into_iter()
                .map(|z| z.id)
                .collect(),
            communes: labour_store::communes::codes(conn)
                .await?
                .into_iter()
                .collect(),
            occupations: labour_store::occupations::all_groups(conn)
                .await?
                .into_iter()
                .map(|(code, _)| code)
                .collect(),
            groups: labour_store::occupations::groups(conn)
                .await?
                .into_iter()
                .map(|g| g.key)
                .collect(),
            levels: labour_store::training_levels::list(conn)
                .await?
                .into_iter()
                .map(|l| l.code)
                .collect(),
        })
    }

    /// Whether the reference data has this code (a zone by its id).
    pub fn has(&self, code: Code, value: &str) -> bool {
        let value = value.trim();
        match code {
            Code::Zone => value.parse().is_ok_and(|id| self.zones.contains(&id)),
            Code::Commune => self.communes.contains(value),
            Code::Occupation => self.occupations.contains(value),
            Code::OccupationGroup => self.groups.contains(value),
            Code::TrainingLevel => self.levels.contains(value),
        }
    }

    /// The error for `field` when its value is not in the reference data.
    pub fn check(&self, field: &str, code: Code, value: &str) -> Option<FieldError> {
        (!self.has(code, value)).then(|| unknown(field, code))
    }
}

/// `unknown_reference` for `field`, saying where the known codes are listed.
pub fn unknown(field: &str, code: Code) -> FieldError {
    let (vi, en) = match code {
        Code::Zone => (
            "Không có khu, cụm công nghiệp này; xem /api/v1/zones.",
            "No such zone; see /api/v1/zones.",
        ),
        Code::Commune => (
            "Không có xã, phường với mã này; xem /api/v1/communes.",
            "No commune or ward has this code; see /api/v1/communes.",
        ),
        Code::Occupation => (
            "Không có nghề với mã này; xem /api/v1/occupations.",
            "No occupation has this code; see /api/v1/occupations.",
        ),
        Code::OccupationGroup => (
            "Không có nhóm nghề này; xem /api/v1/occupation-groups.",
            "No such occupation group; see /api/v1/occupation-groups.",
        ),
        Code::TrainingLevel => (
            "Không có trình độ này; xem /api/v1/training-levels.",
            "No such training level; see /api/v1/training-levels.",
        ),
    };
    FieldError {
        field: field.to_owned(),
        code: "unknown_reference",
        message: Text::new(vi, en),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_codes_in_the_data_are_known() {
        let zone = Uuid::from_u128(7);
        let known = Known {
            zones: [zone].into(),
            communes: ["06463".to_owned()].into(),
            occupations: ["7212".to_owned()].into(),
            groups: ["co_khi".to_owned()].into(),
            levels: ["so_cap".to_owned()].into(),
        };
        assert!(known.has(Code::Zone, &zone.to_string()));
        assert!(!known.has(Code::Zone, "notuuid"));
        assert!(!known.has(Code::Zone, &Uuid::from_u128(8).to_string()));
        assert!(known.check("commune", Code::Commune, "06463").is_none());
        let e = known.check("commune", Code::Commune, "99999");
        assert_eq!(
            e.map(|e| (e.field, e.code)),
            Some(("commune".into(), "unknown_reference"))
        );
        assert!(!known.has(Code::Occupation, "9999"));
        assert!(!known.has(Code::OccupationGroup, "foo"));
        assert!(!known.has(Code::TrainingLevel, "xx"));
    }
}
