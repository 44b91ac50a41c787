//! Numbers, money and dates as people read them in each language, and the engine's highlights
//! made safe to put in a page.

use chrono::NaiveDate;

use crate::i18n::{t, t_with};
use crate::lang::Lang;

/// A whole number with thousands separated: `8.000.000` in Vietnamese, `8,000,000` in English.
pub fn number(n: u64, lang: Lang) -> String {
    crate::format::number(lang, n)
}

/// A monthly pay range, written as on the posting's page.
pub fn salary(min: u64, max: u64, lang: Lang) -> String {
    let range = labour_domain::posting::content::Salary::Range {
        min_vnd: min,
        max_vnd: max,
    };
    crate::format::salary(lang, &range)
}

/// "At least so much a month", for the pay filter.
pub fn at_least(vnd: u64, lang: Lang) -> String {
    t_with(
        lang,
        "search.salary_at_least",
        &[("amount", &number(vnd, lang))],
    )
}

pub fn date(day: NaiveDate, lang: Lang) -> String {
    crate::format::date(lang, day)
}

/// "1 result" / "3 results".
pub fn found(total: u64, lang: Lang) -> String {
    let key = if total == 1 {
        "search.found_one"
    } else {
        "search.found_many"
    };
    t_with(lang, key, &[("count", &number(total, lang))])
}

/// The engine's highlighted text as HTML that can only mark words: every `<em>` becomes
/// `<mark>`, everything else is text (the engine's escaping undone, then done again here), so
/// whatever a posting's author wrote stays text.
pub fn highlight(engine: &str) -> String {
    let mut out = String::with_capacity(engine.len() + 16);
    let mut open = false;
    let mut rest = engine;
    while !rest.is_empty() {
        let (text, tag, after) = match (rest.find("<em>"), rest.find("</em>")) {
            (Some(o), Some(c)) if o < c => (&rest[..o], Some(true), &rest[o + 4..]),
            (_, Some(c)) => (&rest[..c], Some(false), &rest[c + 5..]),
            (Some(o), None) => (&rest[..o], Some(true), &rest[o + 4..]),
            (None, None) => (rest, None, ""),
        };
        escape_into(&unescape(text), &mut out);
        match tag {
            Some(true) if !open => {
                out.push_str("<mark>");
                open = true;
            }
            Some(false) if open => {
                out.push_str("</mark>");
                open = false;
            }
            _ => {}
        }
        rest = after;
    }
    if open {
        out.push_str("</mark>");
    }
    out
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&")
}

fn escape_into(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// How many people a posting is for, as its kind counts them.
pub fn people(kind: &str, content: &serde_json::Value, lang: Lang) -> Option<String> {
    let (field, key) = match kind {
        "job" => ("headcount", "search.people_job"),
        "course" => ("seats", "search.people_course"),
        _ => ("trainees", "search.people_training_need"),
    };
    let n = content.get(field)?.as_u64()?;
    Some(t_with(lang, key, &[("count", &number(n, lang))]))
}

/// "Negotiable", for a job that names no pay.
pub fn negotiable(lang: Lang) -> String {
    t(lang, "search.salary_negotiable").into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_each_language() {
        assert_eq!(number(8_000_000, Lang::Vi), "8.000.000");
        assert_eq!(number(12_500, Lang::En), "12,500");
        assert_eq!(number(999, Lang::Vi), "999");
        assert_eq!(number(0, Lang::Vi), "0");
    }

    #[test]
    fn only_the_engines_marks_become_markup() {
        assert_eq!(
            highlight("<em>Thợ</em> <em>hàn</em> điện &lt;KCN&gt;"),
            "<mark>Thợ</mark> <mark>hàn</mark> điện &lt;KCN&gt;"
        );
        assert_eq!(highlight("A &amp; B"), "A &amp; B");
        // Whatever else looks like markup stays text, and marks are always closed.
        assert_eq!(
            highlight("<script>x</script> <em>a"),
            "&lt;script&gt;x&lt;/script&gt; <mark>a</mark>"
        );
        assert_eq!(highlight("</em>b<em><em>c"), "b<mark>c</mark>");
        assert_eq!(highlight("&lt;em&gt;"), "&lt;em&gt;");
        assert_eq!(highlight("it's \"q\""), "it&#39;s &quot;q&quot;");
    }
}
