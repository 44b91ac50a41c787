//! Text folding for matching Vietnamese as people type it: without diacritics, any case.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Lower-cases, strips tone and vowel marks, folds `đ` to `d`, and collapses whitespace,
/// so "Kỹ  thuật ĐIỆN" and "ky thuat dien" fold to the same string.
pub fn fold(input: &str) -> String {
    let stripped: String = input
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            'đ' | 'Đ' => 'd',
            other => other,
        })
        .flat_map(char::to_lowercase)
        .collect();
    stripped.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A URL- and key-friendly slug: folded, words joined by `-`, only ASCII letters and digits.
pub fn slug(input: &str) -> String {
    fold(input)
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn folds_vietnamese() {
        assert_eq!(fold("Kỹ  thuật ĐIỆN"), "ky thuat dien");
        assert_eq!(fold("Đồng Đăng"), "dong dang");
        assert_eq!(fold("Thợ hàn"), fold("tho han"));
        assert_eq!(
            slug("Khu công nghiệp Đồng Bành"),
            "khu-cong-nghiep-dong-banh"
        );
        assert_eq!(
            slug("Cụm công nghiệp Đình Lập 1"),
            "cum-cong-nghiep-dinh-lap-1"
        );
    }

    proptest! {
        #[test]
        fn folding_is_idempotent(s in "\\PC{0,40}") {
            let once = fold(&s);
            prop_assert_eq!(fold(&once), once);
        }

        #[test]
        fn slugs_are_ascii(s in "\\PC{0,40}") {
            prop_assert!(slug(&s).bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'));
        }
    }
}
