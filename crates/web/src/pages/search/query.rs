//! A results page's query string as the person sent it: the words, the ticked filters, the sort
//! and the page; turned into the search's parameters, and into the links that change one thing
//! (another page, a filter removed, a word dropped).

use labour_app::search_query::SearchParams;

use super::filters::GROUPS;

/// Most parameters read from one query string (every filter value of a page is far fewer).
const MAX_PAIRS: usize = 200;

/// The parameters a results page reads; others (a tracking tag, say) are left out of links.
fn known(key: &str) -> bool {
    matches!(key, "q" | "sort" | "page" | "salary_min") || GROUPS.iter().any(|g| g.param == key)
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    pairs: Vec<(String, String)>,
}

impl Query {
    /// The query string's known, non-blank parameters, each value once, in the order sent.
    pub fn parse(raw: &str) -> Query {
        let sent: Vec<(String, String)> = serde_urlencoded::from_str(raw).unwrap_or_default();
        let mut pairs: Vec<(String, String)> = Vec::new();
        for (key, value) in sent.into_iter().take(MAX_PAIRS) {
            let value = value.trim().to_owned();
            let single = matches!(key.as_str(), "q" | "sort" | "page" | "salary_min");
            if value.is_empty()
                || !known(&key)
                || (single && pairs.iter().any(|(k, _)| *k == key))
                || pairs.iter().any(|(k, v)| *k == key && *v == value)
            {
                continue;
            }
            pairs.push((key, value));
        }
        Query { pairs }
    }

    pub fn first(&self, key: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    pub fn values(&self, key: &str) -> Vec<&str> {
        self.pairs
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    pub fn q(&self) -> &str {
        self.first("q").unwrap_or_default()
    }

    /// The filters ticked (every parameter but the words, the sort and the page).
    pub fn filters(&self) -> impl Iterator<Item = (&str, &str)> {
        self.pairs
            .iter()
            .filter(|(k, _)| !matches!(k.as_str(), "q" | "sort" | "page"))
            .map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// The page asked for: a number from 1, or the first page for anything else.
    pub fn page(&self) -> u32 {
        self.first("page")
            .and_then(|p| p.parse::<u32>().ok())
            .filter(|p| *p >= 1)
            .unwrap_or(1)
    }

    /// This query without `key` (all its values).
    pub fn without_key(&self, key: &str) -> Query {
        Query {
            pairs: self
                .pairs
                .iter()
                .filter(|(k, _)| k != key)
                .cloned()
                .collect(),
        }
    }

    /// This query without one value of one parameter, from the first page.
    pub fn without(&self, key: &str, value: &str) -> Query {
        Query {
            pairs: self
                .pairs
                .iter()
                .filter(|(k, v)| !(k == key && v == value) && k != "page")
                .cloned()
                .collect(),
        }
    }

    /// This query with `key` set to `value` (blank removes it).
    pub fn with(&self, key: &str, value: &str) -> Query {
        let mut next = self.without_key(key);
        if !value.trim().is_empty() {
            next.pairs.push((key.to_owned(), value.trim().to_owned()));
        }
        next
    }

    /// The search's parameters: filter values comma-separated as the API takes them, one page
    /// of `per_page`. `page` is given separately, so a page the search cannot reach is asked
    /// for as the first.
    pub fn params(&self, page: u32, per_page: u32, facets: &str) -> SearchParams {
        let joined = |key: &str| {
            let values = self.values(key);
            (!values.is_empty()).then(|| values.join(","))
        };
        SearchParams {
            q: self.first("q").map(str::to_owned),
            occupation_group: joined("occupation_group"),
            zone: joined("zone"),
            commune: joined("commune"),
            level: joined("level"),
            salary_min: self.first("salary_min").map(str::to_owned),
            shift: joined("shift"),
            mode: joined("mode"),
            learner_support: joined("learner_support"),
            sort: self.first("sort").map(str::to_owned),
            facets: Some(facets.to_owned()),
            page: Some(page.to_string()),
            per_page: Some(per_page.to_string()),
            ..SearchParams::default()
        }
    }

    /// The link to `path` with this query.
    pub fn href(&self, path: &str) -> String {
        if self.pairs.is_empty() {
            return path.to_owned();
        }
        // As a form sends it (`+` for a space), so a link and a submitted form look alike.
        match serde_urlencoded::to_string(&self.pairs) {
            Ok(query) => format!("{path}?{query}"),
            Err(_) => path.to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_what_a_results_page_reads_once_each() {
        let q = Query::parse("q=tho+han&zone=a&zone=a&zone=b&utm=x&level=&page=2&page=3");
        assert_eq!(q.q(), "tho han");
        assert_eq!(q.values("zone"), ["a", "b"]);
        assert_eq!(q.page(), 2);
        assert_eq!(q.first("utm"), None);
        assert_eq!(q.first("level"), None);
        let params = q.params(2, 20, "zone_id");
        assert_eq!(params.zone.as_deref(), Some("a,b"));
        assert_eq!(params.level, None);
    }

    #[test]
    fn links_change_one_thing() {
        let q = Query::parse("q=th%E1%BB%A3&zone=a&zone=b&page=4");
        assert_eq!(
            q.without("zone", "a").href("/search/jobs"),
            "/search/jobs?q=th%E1%BB%A3&zone=b"
        );
        assert_eq!(
            q.with("page", "5").href("/s"),
            "/s?q=th%E1%BB%A3&zone=a&zone=b&page=5"
        );
        assert_eq!(q.with("q", " ").href("/s"), "/s?zone=a&zone=b&page=4");
        assert_eq!(Query::default().href("/s"), "/s");
    }

    #[test]
    fn a_page_that_is_not_a_number_is_the_first() {
        for raw in ["page=abc", "page=0", "page=-1", "page=99999999999", ""] {
            assert_eq!(Query::parse(raw).page(), 1, "{raw}");
        }
        assert_eq!(Query::parse("page=51").page(), 51);
    }

    #[test]
    fn a_long_query_string_is_cut() {
        let long: String = (0..5000).map(|n| format!("zone={n}&")).collect();
        assert_eq!(Query::parse(&long).values("zone").len(), MAX_PAIRS);
    }
}
