//! Synonym groups from `data/search/synonyms.txt`, folded, shared by both engines.

use labour_domain::text::fold;

const FILE: &str = include_str!("../../../data/search/synonyms.txt");

/// Groups of folded words or phrases that mean the same.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Synonyms {
    groups: Vec<Vec<String>>,
}

impl Synonyms {
    /// The groups shipped with the portal.
    pub fn shipped() -> Synonyms {
        Synonyms::parse(FILE)
    }

    pub fn parse(text: &str) -> Synonyms {
        let groups = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| {
                l.split(',')
                    .map(fold)
                    .filter(|w| !w.is_empty())
                    .collect::<Vec<_>>()
            })
            .filter(|g| g.len() > 1)
            .collect();
        Synonyms { groups }
    }

    pub fn groups(&self) -> &[Vec<String>] {
        &self.groups
    }

    /// The other phrases that mean what some phrase inside `folded_query` means.
    pub fn expansions(&self, folded_query: &str) -> Vec<String> {
        let padded = format!(" {folded_query} ");
        let mut out = Vec::new();
        for group in &self.groups {
            if group.iter().any(|p| padded.contains(&format!(" {p} "))) {
                out.extend(
                    group
                        .iter()
                        .filter(|p| !padded.contains(&format!(" {p} ")))
                        .cloned(),
                );
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_file_parses_and_expands_either_way() {
        let s = Synonyms::shipped();
        assert!(s.groups().len() >= 10);
        assert!(s.expansions("tho han").contains(&"welder".to_owned()));
        assert!(
            s.expansions("welder lang son")
                .contains(&"tho han".to_owned())
        );
        assert!(s.expansions("forklift").contains(&"lai xe nang".to_owned()));
        assert!(s.expansions("xyz").is_empty());
        // Whole words only: "it" does not fire inside "kit".
        assert!(s.expansions("kit").is_empty());
    }
}
