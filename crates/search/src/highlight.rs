//! Marks the words of a text that match the query, comparing them folded (diacritics optional).

use labour_domain::text::fold;

/// Whether a folded word of the text matches the query: a query word equals it, or the last query
/// word (still being typed) starts it.
fn word_matches(folded: &str, query: &[String]) -> bool {
    query.iter().enumerate().any(|(i, q)| {
        if i + 1 == query.len() {
            folded.starts_with(q.as_str())
        } else {
            folded == q
        }
    })
}

/// `text` with every word that matches the query wrapped in `<em>`. The text is escaped for HTML
/// first, so the only markup in the answer is ours.
pub fn highlight(text: &str, query: &str) -> String {
    let words: Vec<String> = fold(query).split_whitespace().map(str::to_owned).collect();
    if words.is_empty() {
        // Nothing to mark (a browse, a recommendation): no word needs folding.
        return escape(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        if word.is_empty() {
            return;
        }
        if word_matches(&fold(word), &words) {
            out.push_str("<em>");
            escape_into(word, out);
            out.push_str("</em>");
        } else {
            escape_into(word, out);
        }
        word.clear();
    };
    for c in text.chars() {
        if c.is_alphanumeric() {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            escape_char(c, &mut out);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// About `max_words` words of `text` around the first word that matches the query, highlighted;
/// the start of the text when nothing matches.
pub fn snippet(text: &str, query: &str, max_words: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let wanted: Vec<String> = fold(query).split_whitespace().map(str::to_owned).collect();
    let first = if wanted.is_empty() {
        0
    } else {
        words
            .iter()
            .position(|w| {
                let f = fold(w);
                word_matches(f.trim_matches(|c: char| !c.is_alphanumeric()), &wanted)
            })
            .unwrap_or(0)
    };
    let start = first.saturating_sub(max_words / 3);
    let end = (start + max_words).min(words.len());
    let mut out = String::new();
    if start > 0 {
        out.push_str("… ");
    }
    out.push_str(&highlight(&words[start..end].join(" "), query));
    if end < words.len() {
        out.push_str(" …");
    }
    out
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    escape_into(s, &mut out);
    out
}

fn escape_into(s: &str, out: &mut String) {
    for c in s.chars() {
        escape_char(c, out);
    }
}

fn escape_char(c: char, out: &mut String) {
    match c {
        '&' => out.push_str("&amp;"),
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        '"' => out.push_str("&quot;"),
        c => out.push(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_words_whatever_the_diacritics() {
        assert_eq!(
            highlight("Thợ hàn điện <KCN>", "tho han"),
            "<em>Thợ</em> <em>hàn</em> điện &lt;KCN&gt;"
        );
        assert_eq!(
            highlight("Kỹ thuật điện", "ky thuat dien"),
            "<em>Kỹ</em> <em>thuật</em> <em>điện</em>"
        );
        assert_eq!(highlight("Lái xe nâng", ""), "Lái xe nâng");
        assert_eq!(
            highlight("A & B \"<b>\"", ""),
            "A &amp; B &quot;&lt;b&gt;&quot;"
        );
        // Only the last word is a prefix: "tho" does not mark "thông".
        assert_eq!(
            highlight("Công nghệ thông tin, thợ hàn", "tho han"),
            "Công nghệ thông tin, <em>thợ</em> <em>hàn</em>"
        );
        assert_eq!(highlight("Thợ hàn", "tho ha"), "<em>Thợ</em> <em>hàn</em>");
        // Only the last word is a prefix: "tho" does not mark "thông".
        assert_eq!(
            highlight("Công nghệ thông tin, thợ hàn", "tho han"),
            "Công nghệ thông tin, <em>thợ</em> <em>hàn</em>"
        );
        assert_eq!(highlight("Thợ hàn", "tho ha"), "<em>Thợ</em> <em>hàn</em>");
    }

    #[test]
    fn snippets_centre_on_the_first_match() {
        let text = "Công ty cần tuyển gấp nhiều công nhân có kinh nghiệm hàn điện để làm việc tại nhà xưởng mới";
        let s = snippet(text, "han dien", 6);
        assert_eq!(s, "… kinh nghiệm <em>hàn</em> <em>điện</em> để làm …");
        assert_eq!(snippet("Ngắn gọn", "xyz", 6), "Ngắn gọn");
    }
}
