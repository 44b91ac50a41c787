//! The public statistics' definitions: what each counts, in which columns, broken down by
//! what; and the numbers as they may be published (counts of people protected). The API's
//! tables and the statistics page both show them from here.

use super::Dimension::*;
use super::{Dimension, protect};

/// One value column of a statistic.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub key: &'static str,
    pub vi: &'static str,
    pub en: &'static str,
    /// A count of people: protected.
    pub people: bool,
    /// Which of the store row's values (`a` = 0 ... `d` = 3) it shows.
    pub slot: usize,
}

/// What a statistic is: its columns, the dimensions it has,
/// and whether rows partition the whole (so a total means something).
#[derive(Debug, Clone, Copy)]
pub struct Statistic {
    pub name: &'static str,
    pub vi: &'static str,
    pub en: &'static str,
    pub public: bool,
    pub columns: &'static [Column],
    pub dimensions: &'static [Dimension],
    pub additive: bool,
    /// What is counted and how it is protected, in words.
    pub method_vi: &'static str,
    pub method_en: &'static str,
}

impl Column {
    /// A stored value as published; a negative one is withheld by the statistic itself.
    pub fn shown(&self, raw: i64) -> Option<i64> {
        let raw = u64::try_from(raw).ok()?;
        let shown = if self.people { protect(raw) } else { Some(raw) };
        shown.map(|v| i64::try_from(v).unwrap_or(i64::MAX))
    }
}

impl Statistic {
    /// A row's stored values (`a` to `d`) as published, in column order; `None` where withheld.
    pub fn shown(&self, raw: [i64; 4]) -> Vec<Option<i64>> {
        self.columns
            .iter()
            .map(|c| c.shown(raw.get(c.slot).copied().unwrap_or(0)))
            .collect()
    }

    /// The sums over every row as published, where the rows partition the whole; protected
    /// as a cell of its own (never the sum of rounded cells).
    pub fn total(&self, rows: impl IntoIterator<Item = [i64; 4]>) -> Option<Vec<Option<i64>>> {
        self.additive.then(|| {
            let mut sums = [0i64; 4];
            for r in rows {
                for (s, v) in sums.iter_mut().zip(r) {
                    *s = s.saturating_add(v);
                }
            }
            self.shown(sums)
        })
    }
}

pub const DEMAND: Statistic = Statistic {
    name: "demand",
    vi: "Nhu cầu tuyển dụng",
    en: "Recruitment demand",
    public: true,
    columns: &[
        Column {
            key: "jobs",
            vi: "Số tin tuyển dụng",
            en: "Job postings",
            people: false,
            slot: 0,
        },
        Column {
            key: "headcount",
            vi: "Số lao động cần tuyển",
            en: "Workers wanted",
            people: false,
            slot: 1,
        },
    ],
    dimensions: &[OccupationGroup, Occupation, Level, Zone, Commune, Month],
    additive: true,
    method_vi: "Tin tuyển dụng đang đăng và số lao động cần tuyển; theo tháng, các tin đăng trong tháng.",
    method_en: "Published job postings and the workers they ask for; by month, the postings published in it.",
};

pub const SUPPLY: Statistic = Statistic {
    name: "supply",
    vi: "Người tìm việc",
    en: "Job seekers",
    public: true,
    columns: &[Column {
        key: "job_seekers",
        vi: "Số người tìm việc",
        en: "Job seekers",
        people: true,
        slot: 0,
    }],
    dimensions: &[OccupationGroup, Occupation, Level, Commune],
    // A worker wanting several occupations counts in each: rows overlap.
    additive: false,
    method_vi: "Người có hồ sơ tìm việc trên cổng. Một người lao động chỉ được tính khi tài khoản đã có ít nhất 30 ngày và một tổ chức đã được xác minh đã xử lý (chuyển qua bước \"đã nhận\") ít nhất một hồ sơ của họ, để tài khoản lập ra hàng loạt không làm lộ ô nhỏ. Số người dưới 5 được ẩn, số khác làm tròn đến bội số của 5.",
    method_en: "Workers with a job-seeker profile on the portal. A worker counts only once their account is at least 30 days old and a verified organisation has acted on (moved past \"received\") at least one of their applications, so accounts made in bulk cannot uncover a small cell. Counts of people under 5 are withheld; others are rounded to the nearest 5.",
};

pub const TRAINING: Statistic = Statistic {
    name: "training",
    vi: "Đào tạo nghề",
    en: "Vocational training",
    public: true,
    columns: &[
        Column {
            key: "courses",
            vi: "Số khóa học",
            en: "Courses",
            people: false,
            slot: 0,
        },
        Column {
            key: "seats",
            vi: "Số chỗ học",
            en: "Seats",
            people: false,
            slot: 1,
        },
        Column {
            key: "interested",
            vi: "Người đăng ký quan tâm",
            en: "Workers interested",
            people: true,
            slot: 2,
        },
    ],
    dimensions: &[Level, OccupationGroup, Occupation, Zone, Commune, Month],
    additive: true,
    method_vi: "Khóa học đang đăng, số chỗ học, và người đăng ký quan tâm (chưa rút). Một người lao động chỉ được tính khi tài khoản đã có ít nhất 30 ngày và một tổ chức đã được xác minh đã xử lý (chuyển qua bước \"đã nhận\") ít nhất một hồ sơ của họ, để tài khoản lập ra hàng loạt không làm lộ ô nhỏ. Số người dưới 5 được ẩn, số khác làm tròn đến bội số của 5.",
    method_en: "Published courses, their seats, and the workers who registered interest (not withdrawn). A worker counts only once their account is at least 30 days old and a verified organisation has acted on (moved past \"received\") at least one of their applications, so accounts made in bulk cannot uncover a small cell. Counts of people under 5 are withheld; others are rounded to the nearest 5.",
};

pub const WORKFORCE: Statistic = Statistic {
    name: "workforce",
    vi: "Lao động trong doanh nghiệp",
    en: "Enterprises' workforce",
    public: true,
    columns: &[
        Column {
            key: "workers",
            vi: "Số lao động",
            en: "Workers",
            people: false,
            slot: 0,
        },
        Column {
            key: "ethnic_minority",
            vi: "Lao động người dân tộc thiểu số",
            en: "Ethnic-minority workers",
            people: true,
            slot: 1,
        },
        Column {
            key: "with_it_skills",
            vi: "Lao động có kỹ năng tin học",
            en: "Workers with IT skills",
            people: false,
            slot: 2,
        },
        Column {
            key: "enterprises",
            vi: "Số doanh nghiệp kê khai",
            en: "Enterprises declaring",
            people: false,
            slot: 3,
        },
    ],
    dimensions: &[OccupationGroup, Level],
    // An enterprise appears in several rows; the other columns add up.
    additive: true,
    method_vi: "Lao động do các doanh nghiệp đã được xác minh kê khai cho năm; kê khai của doanh nghiệp chưa hoặc không được xác minh không được tính. Số người dưới 5 được ẩn, số khác làm tròn đến bội số của 5.",
    method_en: "The workforce verified enterprises declared for the year; declarations of enterprises not verified do not count. Counts of people under 5 are withheld; others are rounded to the nearest 5.",
};

pub const RECRUITMENT: Statistic = Statistic {
    name: "planned-recruitment",
    vi: "Kế hoạch tuyển dụng năm sau",
    en: "Recruitment planned for the next year",
    public: true,
    columns: &[
        Column {
            key: "headcount",
            vi: "Số lao động dự kiến tuyển",
            en: "Planned hires",
            people: false,
            slot: 0,
        },
        Column {
            key: "enterprises",
            vi: "Số doanh nghiệp",
            en: "Enterprises",
            people: false,
            slot: 3,
        },
    ],
    dimensions: &[OccupationGroup, Occupation, Level],
    additive: true,
    method_vi: "Nhu cầu tuyển dụng năm sau do các doanh nghiệp đã được xác minh kê khai.",
    method_en: "The recruitment verified enterprises declared they plan for the next year.",
};

pub const MATCHING: Statistic = Statistic {
    name: "matching",
    vi: "Kết nối cung cầu",
    en: "Matching",
    public: false,
    columns: &[
        Column {
            key: "applications",
            vi: "Số đơn ứng tuyển",
            en: "Applications",
            people: true,
            slot: 0,
        },
        Column {
            key: "hires",
            vi: "Số người được tuyển",
            en: "Hires",
            people: true,
            slot: 1,
        },
        Column {
            key: "median_days_to_hire",
            vi: "Số ngày tuyển được (trung vị)",
            en: "Median days to hire",
            people: false,
            slot: 2,
        },
    ],
    dimensions: &[OccupationGroup, Occupation, Level, Zone, Commune],
    additive: false,
    method_vi: "Hồ sơ ứng tuyển vào tin tuyển dụng, số người được nhận và số ngày trung vị từ khi đăng tin đến khi nhận; tính mọi tài khoản (chỉ cán bộ xem). Số người dưới 5 được ẩn, số khác làm tròn đến bội số của 5.",
    method_en: "Applications to job postings, hires, and the median days from publication to a hire; every account counts (staff only). Counts of people under 5 are withheld; others are rounded to the nearest 5.",
};
