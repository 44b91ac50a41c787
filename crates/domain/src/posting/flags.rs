//! Marks that draw staff attention to a posting. They never reject anything on their own.

use serde::Serialize;

use super::content::{Content, Salary};

/// The lowest regional minimum wage in force (vùng IV, Nghị định 74/2024/NĐ-CP, from 1 July 2024):
/// most of Lạng Sơn is region IV, the city region III.
pub const MINIMUM_MONTHLY_WAGE_VND: u64 = 3_450_000;

/// A salary this many times the median for the occupation is implausible.
const OUTLIER_FACTOR: u64 = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, strum::IntoStaticStr)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Flag {
    /// The text asks workers for money: fees, deposits, payments.
    AsksForMoney,
    /// The salary is below the regional minimum wage.
    SalaryBelowMinimum,
    /// The salary is far above what jobs in the same occupation offer.
    SalaryOutlier,
}

/// Phrases that ask a worker to pay, with and without diacritics as people type them.
const MONEY_PHRASES: [&str; 12] = [
    "phí",
    "lệ phí",
    "đặt cọc",
    "tiền cọc",
    "thu tiền",
    "nộp tiền",
    "đóng tiền",
    "chuyển khoản",
    "phi ho so",
    "dat coc",
    "thu tien",
    "nop tien",
];

/// The flags for a content; `median_salary` is the median monthly salary of published jobs in
/// the same occupation, when enough of them exist.
pub fn flags(content: &Content, median_salary: Option<u64>) -> Vec<Flag> {
    let mut out = Vec::new();
    let text = content.text().to_lowercase();
    let folded = crate::text::fold(&text);
    let asks = MONEY_PHRASES.iter().any(|p| {
        if *p == "phí" {
            // A fee, but not "chi phí" (costs, usually the employer's) nor "miễn phí" (free).
            fee_word(&text)
        } else {
            !text.contains(&format!("không {p}")) && (text.contains(p) || folded.contains(p))
        }
    });
    if asks {
        out.push(Flag::AsksForMoney);
    }
    if let Content::Job(job) = content
        && let Salary::Range { min_vnd, max_vnd } = job.salary
    {
        if min_vnd < MINIMUM_MONTHLY_WAGE_VND {
            out.push(Flag::SalaryBelowMinimum);
        }
        if median_salary.is_some_and(|m| m > 0 && max_vnd > m.saturating_mul(OUTLIER_FACTOR)) {
            out.push(Flag::SalaryOutlier);
        }
    }
    out
}

fn fee_word(text: &str) -> bool {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().enumerate().any(|(i, w)| {
        *w == "phí"
            && !matches!(
                i.checked_sub(1).and_then(|j| words.get(j)),
                Some(&"chi" | &"miễn")
            )
    })
}

#[cfg(test)]
mod tests {
    use super::super::content::tests::job;
    use super::*;

    fn with_description(d: &str) -> Content {
        let mut j = job();
        j.description = d.into();
        Content::Job(j)
    }

    #[test]
    fn asking_for_money_is_flagged_with_or_without_diacritics() {
        for d in [
            "Người lao động nộp phí hồ sơ 500.000 đồng khi nhận việc.",
            "Yêu cầu đặt cọc đồng phục.",
            "Phai dat coc 2 trieu truoc khi di lam",
            "Ứng viên chuyển khoản trước để giữ chỗ.",
        ] {
            assert_eq!(
                flags(&with_description(d), None),
                vec![Flag::AsksForMoney],
                "{d}"
            );
        }
        for d in [
            "Công ty chịu toàn bộ chi phí đi lại.",
            "Miễn phí ăn trưa và xe đưa đón.",
        ] {
            assert_eq!(flags(&with_description(d), None), vec![], "{d}");
        }
    }

    #[test]
    fn salaries_below_the_minimum_or_far_above_the_median_are_flagged() {
        let mut j = job();
        j.salary = Salary::Range {
            min_vnd: 2_000_000,
            max_vnd: 3_000_000,
        };
        assert_eq!(
            flags(&Content::Job(j.clone()), None),
            vec![Flag::SalaryBelowMinimum]
        );
        j.salary = Salary::Range {
            min_vnd: 50_000_000,
            max_vnd: 60_000_000,
        };
        assert_eq!(
            flags(&Content::Job(j.clone()), Some(9_000_000)),
            vec![Flag::SalaryOutlier]
        );
        assert_eq!(
            flags(&Content::Job(j), None),
            vec![],
            "no median, no comparison"
        );
    }
}
