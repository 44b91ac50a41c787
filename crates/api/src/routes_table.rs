//! Which methods each documented path answers, read from the OpenAPI contract, so that a known
//! path with the wrong method gets 405 and `Allow` instead of 404.

use utoipa::openapi::OpenApi;

#[derive(Debug, Clone, Default)]
pub struct RouteTable {
    routes: Vec<(Vec<Segment>, Vec<&'static str>)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Segment {
    Literal(String),
    Parameter,
}

impl RouteTable {
    pub fn from_spec(api: &OpenApi) -> RouteTable {
        let routes = api
            .paths
            .paths
            .iter()
            .map(|(path, item)| {
                let segments = path
                    .split('/')
                    .map(|s| {
                        if s.starts_with('{') {
                            Segment::Parameter
                        } else {
                            Segment::Literal(s.to_owned())
                        }
                    })
                    .collect();
                let methods = [
                    ("GET", item.get.is_some()),
                    ("POST", item.post.is_some()),
                    ("PUT", item.put.is_some()),
                    ("PATCH", item.patch.is_some()),
                    ("DELETE", item.delete.is_some()),
                ]
                .into_iter()
                .filter_map(|(m, present)| present.then_some(m))
                .collect();
                (segments, methods)
            })
            .collect();
        RouteTable { routes }
    }

    /// The methods allowed at `path`, or `None` when no documented route has that shape.
    pub fn allowed(&self, path: &str) -> Option<Vec<&'static str>> {
        let parts: Vec<&str> = path.split('/').collect();
        let mut found: Option<Vec<&'static str>> = None;
        for (segments, methods) in &self.routes {
            let matches = segments.len() == parts.len()
                && segments.iter().zip(&parts).all(|(s, p)| match s {
                    Segment::Parameter => !p.is_empty(),
                    Segment::Literal(l) => l == p,
                });
            if matches {
                let list = found.get_or_insert_with(Vec::new);
                for m in methods {
                    if !list.contains(m) {
                        list.push(m);
                    }
                }
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_methods_by_path_shape() {
        let table = RouteTable::from_spec(&crate::openapi::spec());
        assert_eq!(table.allowed("/api/v1/zones"), Some(vec!["GET"]));
        assert_eq!(table.allowed("/api/v1/zones/abc"), Some(vec!["GET"]));
        // `lookup` is both a literal POST route and a value of `{code}` for GET.
        let mut lookup = table
            .allowed("/api/v1/occupations/lookup")
            .unwrap_or_default();
        lookup.sort();
        assert_eq!(lookup, vec!["GET", "POST"]);
        assert_eq!(table.allowed("/api/v1/nothing"), None);
        assert_eq!(table.allowed("/api/v1/zones/"), None);
    }
}
