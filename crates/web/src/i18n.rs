//! Translations: every visible string of a page is a key of `locales/*.toml`, looked up in the
//! page's language. A key missing in a language shows as `⟦key⟧`, which the browser tests look
//! for, and `every_key_used_has_both_languages` fails the build's tests first.

use std::borrow::Cow;

use crate::lang::Lang;

/// Marks a missing translation on the page, so a test (or a person) notices it.
pub const MISSING: &str = "⟦";

/// The text of `key` in `lang`.
pub fn t(lang: Lang, key: &str) -> Cow<'static, str> {
    match crate::_rust_i18n_try_translate(lang.code(), key) {
        Some(text) => text,
        None => {
            tracing::warn!(key, lang = lang.code(), "missing translation");
            Cow::Owned(format!("{MISSING}{key}⟧"))
        }
    }
}

/// The text of `key` with `{name}` placeholders filled in.
pub fn t_with(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    let mut text = t(lang, key).into_owned();
    for (name, value) in args {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::Path;

    use super::*;

    /// Every `t("key")`, `t(lang, "key")` and `t_with(lang, "key", ..)` in the templates and the
    /// code of this crate.
    fn keys_used() -> BTreeSet<String> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut keys = BTreeSet::new();
        let mut stack = vec![root.join("templates"), root.join("src")];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                // This file names keys only as examples.
                if path.ends_with("i18n.rs") {
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                let calls = text
                    .match_indices("t(")
                    .map(|(i, _)| (i, i + 2))
                    .chain(text.match_indices("t_with(").map(|(i, _)| (i, i + 7)));
                for (i, after) in calls {
                    let before = text[..i].chars().last();
                    if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                        continue;
                    }
                    // Skip a first argument that names the language (`lang`, `self.lang`).
                    let mut rest = text[after..].trim_start();
                    if let Some((first, tail)) = rest.split_once(',')
                        && !first.is_empty()
                        && first
                            .chars()
                            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
                    {
                        rest = tail.trim_start();
                    }
                    if let Some(rest) = rest.strip_prefix('"')
                        && let Some(end) = rest.find('"')
                    {
                        let key = &rest[..end];
                        if !key.is_empty()
                            && key
                                .chars()
                                .all(|c| c.is_ascii_alphanumeric() || "._".contains(c))
                        {
                            keys.insert(key.to_owned());
                        }
                    }
                }
            }
        }
        keys
    }

    #[test]
    fn every_key_used_has_both_languages() {
        let keys = keys_used();
        assert!(keys.len() > 10, "the scan found the keys: {keys:?}");
        let mut missing = Vec::new();
        for key in &keys {
            for lang in [Lang::Vi, Lang::En] {
                let text = crate::_rust_i18n_try_translate(lang.code(), key);
                if text.as_deref().is_none_or(|t| t.trim().is_empty()) {
                    missing.push(format!("{key} ({})", lang.code()));
                }
            }
        }
        assert!(missing.is_empty(), "translations missing: {missing:?}");
    }

    #[test]
    fn a_missing_key_is_marked_on_the_page() {
        assert!(t(Lang::En, "no.such.key").starts_with(MISSING));
        assert_eq!(
            t_with(Lang::En, "layout.skip_link", &[]),
            t(Lang::En, "layout.skip_link")
        );
    }
}

/// No template carries a visible word of its own: text between tags, and the attributes people
/// see or hear (`alt`, `title`, `placeholder`, `aria-label`), come from the catalogue.
#[cfg(test)]
mod templates_tests {
    use std::path::Path;

    /// `text` without the parts between `open` and `close`.
    fn strip(text: &str, open: &str, close: &str) -> String {
        let mut out = String::new();
        let mut rest = text;
        while let Some(start) = rest.find(open) {
            out.push_str(&rest[..start]);
            match rest[start + open.len()..].find(close) {
                Some(end) => rest = &rest[start + open.len() + end + close.len()..],
                None => return out,
            }
        }
        out.push_str(rest);
        out
    }

    fn words(text: &str) -> Vec<String> {
        // Entities such as &middot; are punctuation, not words.
        let text = strip(text, "&", ";");
        // An attribute a macro writes outside a tag (`aria-describedby="..."`) is markup.
        text.split_whitespace()
            .filter(|w| w.chars().any(char::is_alphabetic) && !w.contains('='))
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn templates_have_no_untranslated_words() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
        let mut stack = vec![dir];
        let mut found = Vec::new();
        let mut files = 0;
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                files += 1;
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                let text = strip(&text, "{#", "#}");
                let text = strip(&text, "{%", "%}");
                let text = strip(&text, "{{", "}}");
                // Scripts hold data (JSON-LD), not words.
                let text = strip(&text, "<script", "</script>");
                let mut visible = Vec::new();
                for attr in ["alt=\"", "title=\"", "placeholder=\"", "aria-label=\""] {
                    for (i, _) in text.match_indices(attr) {
                        let value = &text[i + attr.len()..];
                        visible.extend(words(&value[..value.find('"').unwrap_or(0)]));
                    }
                }
                visible.extend(words(&strip(&text, "<", ">")));
                for w in visible {
                    found.push(format!("{}: {w}", path.display()));
                }
            }
        }
        assert!(files > 10, "the templates were read");
        assert!(
            found.is_empty(),
            "words in templates, not in the catalogue: {found:#?}"
        );
    }
}
