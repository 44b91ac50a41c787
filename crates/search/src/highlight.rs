//! Marks the words of a text that match the query, comparing them folded (diacritics optional).

use labour_domain::text::fold;

/// `text` with every word that starts with a folded query word wrapped in `<em>`. The text is
/// escaped for HTML first, so the only markup in the answer is ours.
pub fn highlight(text: &str, query: &str) -> String {
    let words: Vec<String> = fold(query)
        .split_whitespace()
        .filter(|w| w.chars().count() >= 2)
        .map(str::to_owned)
        .collect();
    let mut out = String::with_capacity(text.len() + 16);
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        if word.is_empty() {
            return;
        }
        let folded = fold(word);
        let hit = words.iter().any(|q| folded.starts_with(q.as_str()));
        let escaped = escape(word);
        if hit {
            out.push_str("<em>");
            out.push_str(&escaped);
            out.push_str("</em>");
        } else {
            out.push_str(&escaped);
        }
        word.clear();
    };
    for c in text.chars() {
        if c.is_alphanumeric() {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push_str(&escape(&c.to_string()));
        }
    }
    flush(&mut word, &mut out);
    out
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
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
    }
}
