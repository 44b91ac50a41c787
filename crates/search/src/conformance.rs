//! One suite of search behaviour that every engine must pass: relevance order, Vietnamese
//! folding, typos, prefixes, synonyms, every filter, facets, sort, pagination and deletes, and
//! filter values that look like filter syntax.

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use labour_domain::posting::Kind;
use uuid::Uuid;

use crate::Error;
use crate::document::SearchDocument;
use crate::engine::{Attribute, Filter, SearchEngine, SearchRequest, Sort};

pub const ZONE_A: Uuid = Uuid::from_u128(0xA0);
pub const ZONE_B: Uuid = Uuid::from_u128(0xB0);

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 29).unwrap_or_default()
}

struct Doc {
    n: u128,
    kind: Kind,
    title: &'static str,
    description: &'static str,
    occupation: &'static str,
    group: &'static str,
    zone: Uuid,
    level: Option<&'static str>,
    salary: Option<(u64, u64)>,
    deadline_days: i64,
    start_days: i64,
}

pub fn id(n: u128) -> Uuid {
    Uuid::from_u128(0x1000 + n)
}

/// The documents every case runs against.
pub fn corpus() -> Vec<SearchDocument> {
    let docs = [
        Doc {
            n: 1,
            kind: Kind::Job,
            title: "Thợ hàn điện làm ca ngày",
            description: "Hàn kết cấu thép nhà xưởng.",
            occupation: "Thợ hàn",
            group: "co_khi",
            zone: ZONE_A,
            level: Some("so_cap"),
            salary: Some((8_000_000, 12_000_000)),
            deadline_days: 10,
            start_days: 20,
        },
        Doc {
            n: 2,
            kind: Kind::Job,
            title: "Kỹ thuật viên điện",
            description: "Bảo trì tủ điện và động cơ trong khu công nghiệp.",
            occupation: "Kỹ thuật viên điện",
            group: "dien_dien_tu",
            zone: ZONE_B,
            level: Some("trung_cap"),
            salary: Some((10_000_000, 15_000_000)),
            deadline_days: 30,
            start_days: 40,
        },
        Doc {
            n: 3,
            kind: Job,
            title: "Công nhân may công nghiệp",
            description: "May áo khoác xuất khẩu, có xe đưa đón.",
            occupation: "Thợ may",
            group: "san_xuat_che_bien",
            zone: ZONE_A,
            level: None,
            salary: Some((6_000_000, 9_000_000)),
            deadline_days: 5,
            start_days: 10,
        },
        Doc {
            n: 4,
            kind: Job,
            title: "Nhân viên kiểm tra chất lượng",
            description: "Kiểm tra sản phẩm điện tử trước khi đóng gói.",
            occupation: "Nhân viên QC",
            group: "ky_thuat",
            zone: ZONE_B,
            level: Some("so_cap"),
            salary: Some((7_000_000, 10_000_000)),
            deadline_days: 20,
            start_days: 25,
        },
        Doc {
            n: 5,
            kind: Job,
            title: "Hạn chót nhận hồ sơ thợ điện",
            description: "Tuyển thợ điện dân dụng, nộp hồ sơ trước hạn.",
            occupation: "Thợ điện dân dụng",
            group: "dien_dien_tu",
            zone: ZONE_A,
            level: None,
            salary: None,
            deadline_days: 2,
            start_days: 60,
        },
        Doc {
            n: 6,
            kind: Job,
            title: "Lái xe nâng trong kho",
            description: "Vận hành xe nâng hàng, bốc xếp pallet.",
            occupation: "Lái xe nâng",
            group: "dich_vu",
            zone: ZONE_B,
            level: Some("duoi_3_thang"),
            salary: Some((9_000_000, 11_000_000)),
            deadline_days: -1,
            start_days: 15,
        },
        Doc {
            n: 7,
            kind: Kind::Course,
            title: "Điện công nghiệp - Cao đẳng",
            description: "Đào tạo thợ điện công nghiệp, thực hành tại doanh nghiệp.",
            occupation: "Thợ điện công nghiệp",
            group: "dien_dien_tu",
            zone: ZONE_A,
            level: Some("cao_dang"),
            salary: None,
            deadline_days: 40,
            start_days: 45,
        },
        Doc {
            n: 8,
            kind: Kind::TrainingNeed,
            title: "Đào tạo lại công nhân hàn",
            description: "Doanh nghiệp cần đào tạo lại 20 công nhân hàn.",
            occupation: "Thợ hàn",
            group: "co_khi",
            zone: ZONE_B,
            level: Some("so_cap"),
            salary: None,
            deadline_days: 50,
            start_days: 50,
        },
    ];
    docs.iter()
        .map(|d| SearchDocument {
            id: id(d.n),
            kind: d.kind,
            title: d.title.into(),
            description: d.description.into(),
            organisation_id: Uuid::from_u128(0xC0),
            organisation_name: "Công ty thử".into(),
            occupation_code: "7212".into(),
            occupation_name: d.occupation.into(),
            occupation_group: d.group.into(),
            zone_id: Some(d.zone),
            zone_name: Some(if d.zone == ZONE_A {
                "Khu công nghiệp Đồng Bành".into()
            } else {
                "Khu kinh tế cửa khẩu Đồng Đăng".into()
            }),
            commune_code: Some("06463".into()),
            commune_name: Some("Xã Chi Lăng".into()),
            level: d.level.map(str::to_owned),
            skills: vec![],
            salary_min_vnd: d.salary.map(|s| s.0),
            salary_max_vnd: d.salary.map(|s| s.1),
            shifts: if d.n == 1 { vec!["day".into()] } else { vec![] },
            mode: (d.kind == Kind::Course).then(|| "at_enterprise".into()),
            learner_support: vec![],
            deadline: Some(today() + Duration::days(d.deadline_days)),
            start_date: Some(today() + Duration::days(d.start_days)),
            published_at: Utc
                .timestamp_opt(1_780_000_000 + d.n as i64 * 3600, 0)
                .single()
                .unwrap_or_default(),
            content: serde_json::json!({ "title": d.title }),
        })
        .collect()
}

use Kind::Job;

fn request(query: &str) -> SearchRequest {
    SearchRequest {
        kinds: vec![Kind::Job, Kind::Course, Kind::TrainingNeed],
        query: query.into(),
        filters: vec![],
        facets: vec![],
        sort: Sort::Relevance,
        offset: 0,
        limit: 20,
    }
}

async fn ids(engine: &impl SearchEngine, request: SearchRequest) -> Result<Vec<Uuid>, Error> {
    Ok(engine
        .search(request)
        .await?
        .hits
        .into_iter()
        .map(|h| h.document.id)
        .collect())
}

/// A failed case, with what was asked and what came back.
fn check(ok: bool, case: &str, got: &impl std::fmt::Debug) -> Result<(), Error> {
    if ok {
        Ok(())
    } else {
        Err(Error::Rejected(format!(
            "conformance case failed: {case}: got {got:?}"
        )))
    }
}

/// Runs every case; the engine is cleared first and holds the corpus afterwards.
pub async fn run(engine: &impl SearchEngine) -> Result<(), Error> {
    engine.ensure_settings().await?;
    engine.clear().await?;
    engine.upsert(corpus()).await?;
    check(
        engine.count(Kind::Job).await? == 6,
        "count of jobs",
        &engine.count(Kind::Job).await?,
    )?;

    // Vietnamese without diacritics, and with; "đ" is "d".
    let got = ids(engine, request("ky thuat dien")).await?;
    check(
        got.first() == Some(&id(2)),
        "ky thuat dien finds Kỹ thuật viên điện first",
        &got,
    )?;
    let got = ids(engine, request("Kỹ thuật điện")).await?;
    check(got.first() == Some(&id(2)), "with diacritics", &got)?;
    let got = ids(engine, request("dien cong nghiep")).await?;
    check(got.first() == Some(&id(7)), "dien cong nghiep", &got)?;

    // Exact diacritics rank first: "hàn" (weld) before "hạn" (deadline).
    let got = ids(engine, request("hàn")).await?;
    let weld = got.iter().position(|i| *i == id(1));
    let deadline = got.iter().position(|i| *i == id(5));
    check(
        matches!((weld, deadline), (Some(w), Some(d)) if w < d),
        "hàn before hạn",
        &got,
    )?;

    // A typo in a long word still matches; none is allowed in a short one.
    let got = ids(engine, request("kiem tra chat luongg")).await?;
    check(got.first() == Some(&id(4)), "one typo in luongg", &got)?;
    let got = ids(engine, request("nanh")).await?;
    check(
        got.is_empty(),
        "no typo allowed in a four-letter word",
        &got,
    )?;
    // When no posting has every word, those with some of them still come.
    let got = ids(engine, request("xe nanh")).await?;
    check(got.contains(&id(6)), "fall back to some words", &got)?;

    // The last word matches as a prefix (search as you type).
    let got = ids(engine, request("may cong ngh")).await?;
    check(got.first() == Some(&id(3)), "prefix of the last word", &got)?;

    // Synonyms from the shared file.
    let got = ids(engine, request("welder")).await?;
    check(
        got.contains(&id(1)) && got.contains(&id(8)),
        "welder finds thợ hàn",
        &got,
    )?;
    let got = ids(engine, request("forklift")).await?;
    check(got == vec![id(6)], "forklift finds lái xe nâng", &got)?;

    // Every filter.
    let mut r = request("");
    r.kinds = vec![Kind::Job];
    r.filters = vec![Filter::AnyOf(Attribute::ZoneId, vec![ZONE_A.to_string()])];
    let mut got = ids(engine, r.clone()).await?;
    got.sort();
    check(got == vec![id(1), id(3), id(5)], "zone filter", &got)?;
    r.filters = vec![Filter::SalaryAtLeast(12_000_000)];
    let mut got = ids(engine, r.clone()).await?;
    got.sort();
    check(got == vec![id(1), id(2)], "salary at least", &got)?;
    r.filters = vec![Filter::DeadlineFrom(today())];
    let got = ids(engine, r.clone()).await?;
    check(
        got.len() == 5 && !got.contains(&id(6)),
        "deadline not passed",
        &got,
    )?;
    r.filters = vec![Filter::AnyOf(
        Attribute::Level,
        vec!["so_cap".into(), "trung_cap".into()],
    )];
    let mut got = ids(engine, r.clone()).await?;
    got.sort();
    check(got == vec![id(1), id(2), id(4)], "level any of", &got)?;
    r.filters = vec![Filter::StartBetween(
        Some(today() + Duration::days(15)),
        Some(today() + Duration::days(25)),
    )];
    let mut got = ids(engine, r.clone()).await?;
    got.sort();
    check(got == vec![id(1), id(4), id(6)], "start between", &got)?;
    let hour = |n: i64| Utc.timestamp_opt(1_780_000_000 + n * 3600, 0).single();
    if let (Some(after), Some(until)) = (hour(3), hour(5)) {
        r.filters = vec![Filter::PublishedBetween(Some(after), until)];
        let mut got = ids(engine, r.clone()).await?;
        got.sort();
        check(got == vec![id(4), id(5)], "published between", &got)?;
    }
    r.filters = vec![Filter::AnyOf(Attribute::Shifts, vec!["day".into()])];
    check(ids(engine, r.clone()).await? == vec![id(1)], "shift", &())?;
    let mut courses = request("");
    courses.kinds = vec![Kind::Course];
    courses.filters = vec![Filter::AnyOf(Attribute::Mode, vec!["at_enterprise".into()])];
    check(
        ids(engine, courses).await? == vec![id(7)],
        "course mode",
        &(),
    )?;

    // Values that look like filter syntax are values: they match nothing and break nothing.
    for evil in ["a\" OR kind = \"x", "zone = 1 AND", "' OR 1=1 --", "*"] {
        r.filters = vec![Filter::AnyOf(Attribute::ZoneId, vec![evil.into()])];
        let got = ids(engine, r.clone()).await?;
        check(got.is_empty(), "a filter value is literal", &(evil, got))?;
        let got = engine.search(request(evil)).await;
        check(got.is_ok(), "query text is never syntax", &evil)?;
    }

    // Facets count the matching postings.
    let mut r = request("");
    r.kinds = vec![Kind::Job];
    r.facets = vec![Attribute::ZoneId, Attribute::OccupationGroup];
    let res = engine.search(r.clone()).await?;
    let zones = res
        .facets
        .iter()
        .find(|f| f.attribute == Attribute::ZoneId)
        .map(|f| f.counts.clone())
        .unwrap_or_default();
    let mut zones_sorted = zones.clone();
    zones_sorted.sort();
    check(
        zones_sorted == vec![(ZONE_A.to_string(), 3), (ZONE_B.to_string(), 3)],
        "zone facet",
        &zones,
    )?;
    let groups = res
        .facets
        .iter()
        .find(|f| f.attribute == Attribute::OccupationGroup)
        .map(|f| f.counts.clone())
        .unwrap_or_default();
    check(
        groups.iter().any(|(g, n)| g == "dien_dien_tu" && *n == 2),
        "group facet",
        &groups,
    )?;

    // Sorts.
    r.facets = vec![];
    r.sort = Sort::Salary;
    let got = ids(engine, r.clone()).await?;
    check(got.first() == Some(&id(2)), "highest salary first", &got)?;
    r.sort = Sort::Deadline;
    let got = ids(engine, r.clone()).await?;
    check(got.first() == Some(&id(6)), "soonest deadline first", &got)?;
    r.sort = Sort::Newest;
    let got = ids(engine, r.clone()).await?;
    check(got.first() == Some(&id(6)), "newest first", &got)?;
    r.sort = Sort::StartDate;
    let got = ids(engine, r.clone()).await?;
    check(got.first() == Some(&id(3)), "soonest start first", &got)?;

    // Pages.
    r.sort = Sort::Newest;
    r.limit = 2;
    r.offset = 2;
    let page = engine.search(r.clone()).await?;
    let got: Vec<Uuid> = page.hits.iter().map(|h| h.document.id).collect();
    check(
        page.total == 6 && got == vec![id(4), id(3)],
        "second page of two",
        &(page.total, got),
    )?;
    // However deep a page is asked for, the engine collects at most the first MAX_RESULTS: an
    // empty page with the true total, never a huge allocation.
    for offset in [
        crate::engine::MAX_RESULTS - 1,
        4_294_967_294 * 100,
        usize::MAX - 5,
        usize::MAX,
    ] {
        for kinds in [vec![Kind::Job], vec![Kind::Job, Kind::Course]] {
            let mut deep = r.clone();
            deep.kinds = kinds;
            deep.offset = offset;
            deep.limit = 100;
            let page = engine.search(deep).await?;
            check(
                page.hits.is_empty() && page.total >= 6,
                "a page past the deepest is empty",
                &(offset, page.total, page.hits.len()),
            )?;
        }
    }

    // Highlights mark the matched words in the title.
    let res = engine.search(request("tho han")).await?;
    let first = res
        .hits
        .first()
        .map(|h| h.title_highlight.clone())
        .unwrap_or_default();
    check(
        first.contains("<em>Thợ</em> <em>hàn</em>"),
        "highlight",
        &first,
    )?;

    // Deletes.
    engine.delete(vec![id(1)]).await?;
    let got = ids(engine, request("tho han dien")).await?;
    check(!got.contains(&id(1)), "deleted documents are gone", &got)?;
    engine
        .upsert(corpus().into_iter().filter(|d| d.id == id(1)).collect())
        .await?;
    let got = ids(engine, request("tho han dien")).await?;
    check(got.first() == Some(&id(1)), "upsert brings it back", &got)?;
    Ok(())
}
