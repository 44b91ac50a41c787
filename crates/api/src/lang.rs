//! The language of messages: Vietnamese by default, English when the client asks for it.

use actix_web::http::header::{ACCEPT_LANGUAGE, HeaderMap};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Vi,
    En,
}

impl Lang {
    /// The first of Vietnamese and English that `Accept-Language` prefers; Vietnamese otherwise.
    pub fn from_headers(headers: &HeaderMap) -> Lang {
        let Some(header) = headers.get(ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()) else {
            return Lang::Vi;
        };
        match accept_language::intersection(header, &["vi", "en"])
            .first()
            .map(String::as_str)
        {
            Some("en") => Lang::En,
            _ => Lang::Vi,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }
}

/// A message in both languages; the response picks one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub vi: String,
    pub en: String,
}

impl Text {
    pub fn new(vi: impl Into<String>, en: impl Into<String>) -> Text {
        Text {
            vi: vi.into(),
            en: en.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.vi,
            Lang::En => &self.en,
        }
    }
}

#[cfg(test)]
mod tests {
    use actix_web::http::header::HeaderValue;

    use super::*;

    fn lang(value: &str) -> Lang {
        let mut headers = HeaderMap::new();
        headers.insert(
            ACCEPT_LANGUAGE,
            HeaderValue::from_str(value).unwrap_or(HeaderValue::from_static("")),
        );
        Lang::from_headers(&headers)
    }

    #[test]
    fn negotiation() {
        assert_eq!(Lang::from_headers(&HeaderMap::new()), Lang::Vi);
        assert_eq!(lang("en"), Lang::En);
        assert_eq!(lang("en-US,en;q=0.9"), Lang::En);
        assert_eq!(lang("vi-VN,vi;q=0.9,en;q=0.8"), Lang::Vi);
        assert_eq!(lang("fr"), Lang::Vi);
        assert_eq!(lang("fr, en;q=0.5"), Lang::En);
    }
}
