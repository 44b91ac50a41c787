//! Money and dates the way people read them: on Vietnamese pages `8–12 triệu đồng/tháng`,
//! `1.500.000 ₫` and `05/06/2026`; on English pages `VND 8–12 million a month`,
//! `VND 1,500,000` and `5 June 2026`.

use chrono::NaiveDate;
use labour_domain::posting::content::Salary;

use crate::lang::Lang;

/// An amount of VND with its thousands grouped (`1.500.000 ₫`, `VND 1,500,000`).
pub fn vnd(lang: Lang, amount: u64) -> String {
    match lang {
        Lang::Vi => format!("{} ₫", grouped(amount, '.')),
        Lang::En => format!("VND {}", grouped(amount, ',')),
    }
}

/// A monthly salary: a range in millions (`8–12 triệu đồng/tháng`), one amount when both ends
/// agree, or "negotiable".
pub fn salary(lang: Lang, salary: &Salary) -> String {
    match *salary {
        Salary::Negotiable => crate::i18n::t(lang, "posting.salary_negotiable").into_owned(),
        Salary::Range { min_vnd, max_vnd } => {
            let amount = if min_vnd == max_vnd {
                millions(lang, min_vnd)
            } else {
                format!("{}–{}", millions(lang, min_vnd), millions(lang, max_vnd))
            };
            crate::i18n::t_with(lang, "posting.salary_per_month", &[("amount", &amount)])
        }
    }
}

/// A count with its thousands grouped (`12.500`, `12,500`).
pub fn number(lang: Lang, n: u64) -> String {
    grouped(n, if lang == Lang::Vi { '.' } else { ',' })
}

/// A measured value with at most one decimal (`35,5` in Vietnamese, `35.5` in English).
pub fn decimal(lang: Lang, value: f64) -> String {
    let tenths = (value * 10.0).round();
    if !tenths.is_finite() || tenths < 0.0 {
        return format!("{value}");
    }
    // Bounded above by the check: a value shown on a page is far below u64's range.
    let tenths = tenths.min(1e15) as u64;
    let whole = number(lang, tenths / 10);
    match tenths % 10 {
        0 => whole,
        d => format!("{whole}{}{d}", if lang == Lang::Vi { ',' } else { '.' }),
    }
}

/// A day (`05/06/2026`, `5 June 2026`).
pub fn date(lang: Lang, day: NaiveDate) -> String {
    match lang {
        Lang::Vi => day.format("%d/%m/%Y").to_string(),
        Lang::En => day.format("%-d %B %Y").to_string(),
    }
}

/// An amount in millions with at most three decimals (`8`, `8,5`; `8.5` in English): exact to
/// the thousand, which is as precise as salaries are written.
fn millions(lang: Lang, amount: u64) -> String {
    let whole = amount / 1_000_000;
    let thousands = (amount % 1_000_000) / 1_000;
    let separator = if lang == Lang::Vi { ',' } else { '.' };
    let whole = grouped(whole, if lang == Lang::Vi { '.' } else { ',' });
    if thousands == 0 {
        return whole;
    }
    let decimals = format!("{thousands:03}");
    format!("{whole}{separator}{}", decimals.trim_end_matches('0'))
}

fn grouped(n: u64, separator: char) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_grouped_the_way_each_language_writes_them() {
        assert_eq!(vnd(Lang::Vi, 1_500_000), "1.500.000 ₫");
        assert_eq!(vnd(Lang::En, 1_500_000), "VND 1,500,000");
        assert_eq!(vnd(Lang::Vi, 0), "0 ₫");
        assert_eq!(vnd(Lang::Vi, 999), "999 ₫");
        assert_eq!(vnd(Lang::Vi, 1_000), "1.000 ₫");
    }

    #[test]
    fn salaries_read_in_millions_a_month() {
        let range = |min_vnd, max_vnd| Salary::Range { min_vnd, max_vnd };
        assert_eq!(
            salary(Lang::Vi, &range(8_000_000, 12_000_000)),
            "8–12 triệu đồng/tháng"
        );
        assert_eq!(
            salary(Lang::En, &range(8_500_000, 12_000_000)),
            "VND 8.5–12 million a month"
        );
        assert_eq!(
            salary(Lang::Vi, &range(7_250_000, 7_250_000)),
            "7,25 triệu đồng/tháng"
        );
        assert_eq!(salary(Lang::Vi, &Salary::Negotiable), "Thỏa thuận");
    }

    #[test]
    fn days_are_written_day_first() {
        let day = NaiveDate::from_ymd_opt(2026, 6, 5).unwrap_or_default();
        assert_eq!(date(Lang::Vi, day), "05/06/2026");
        assert_eq!(date(Lang::En, day), "5 June 2026");
    }
}
