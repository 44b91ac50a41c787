//! Loads the reference data shipped in `data/reference/` (see its SOURCES.md) into the database.
//! Loading is idempotent: run at every `migrate`, it adds what is new and refreshes official lists,
//! but never overwrites zones, which staff correct through the API.

use diesel::prelude::*;
use diesel::upsert::excluded;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use labour_domain::ClosedSet;
use labour_domain::text::{fold, slug};
use labour_domain::{commune, occupation, zone};
use serde::Deserialize;

use crate::Error;
use crate::schema::{
    communes, ethnic_groups, occupation_groups, occupations, training_levels, vet_programmes, zones,
};

const COMMUNES: (&str, &str) = (
    "langson_communes_2025.csv",
    include_str!("../../../data/reference/langson_communes_2025.csv"),
);
const ZONES: (&str, &str) = (
    "zones.csv",
    include_str!("../../../data/reference/zones.csv"),
);
const GROUPS: (&str, &str) = (
    "occupation_groups.csv",
    include_str!("../../../data/reference/occupation_groups.csv"),
);
const OCCUPATIONS: (&str, &str) = (
    "occupations.csv",
    include_str!("../../../data/reference/occupations.csv"),
);
const LEVELS: (&str, &str) = (
    "training_levels.csv",
    include_str!("../../../data/reference/training_levels.csv"),
);
const VET: (&str, &str) = (
    "vet_programmes.csv",
    include_str!("../../../data/reference/vet_programmes.csv"),
);
const ETHNIC: (&str, &str) = (
    "ethnic_groups.txt",
    include_str!("../../../data/reference/ethnic_groups.txt"),
);

/// How many rows each reference file holds after loading.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Loaded {
    pub communes: usize,
    pub zones: usize,
    pub occupation_groups: usize,
    pub occupations: usize,
    pub training_levels: usize,
    pub vet_programmes: usize,
    pub ethnic_groups: usize,
}

#[derive(Deserialize)]
struct CommuneRecord {
    code: String,
    name: String,
    kind: String,
}

#[derive(Deserialize)]
struct ZoneRecord {
    name: String,
    kind: String,
    commune_code: String,
    area_ha: Option<f64>,
    status: String,
    source: String,
    confidence: String,
}

#[derive(Deserialize)]
struct GroupRecord {
    key: String,
    name_vi: String,
    name_en: String,
    industrial_group_of_plan: String,
}

#[derive(Deserialize)]
struct OccupationRecord {
    isco08: String,
    title_en: String,
    name_vi: String,
    group: String,
}

#[derive(Deserialize, Insertable)]
#[diesel(table_name = training_levels)]
struct LevelRecord {
    code: String,
    rank: i32,
    name_vi: String,
    name_en: String,
    duration: String,
}

#[derive(Deserialize)]
struct VetRecord {
    code: String,
    name_vi: String,
    level: String,
    isco08: String,
    source: String,
}

/// Parses every row of a CSV file, naming the file and line of the first bad row.
fn records<T: for<'de> Deserialize<'de>>(
    (file, text): (&'static str, &str),
) -> Result<Vec<T>, Error> {
    csv::Reader::from_reader(text.as_bytes())
        .deserialize()
        .map(|r| {
            r.map_err(|e| Error::ReferenceData {
                file,
                line: e.position().map_or(0, |p| p.line()),
                message: e.to_string(),
            })
        })
        .collect()
}

fn bad(file: &'static str, index: usize, e: impl std::fmt::Display) -> Error {
    // Row n of the data sits on line n + 2: one header line, lines counted from 1.
    Error::ReferenceData {
        file,
        line: index as u64 + 2,
        message: e.to_string(),
    }
}

/// Loads every reference file in one transaction.
pub async fn load(conn: &mut AsyncPgConnection) -> Result<Loaded, Error> {
    let communes_in: Vec<CommuneRecord> = records(COMMUNES)?;
    let zones_in: Vec<ZoneRecord> = records(ZONES)?;
    let groups_in: Vec<GroupRecord> = records(GROUPS)?;
    let occupations_in: Vec<OccupationRecord> = records(OCCUPATIONS)?;
    let levels_in: Vec<LevelRecord> = records(LEVELS)?;
    let vet_in: Vec<VetRecord> = records(VET)?;
    let ethnic_in = ethnic_names(ETHNIC.1);

    // Check every value before touching the database, so a bad file changes nothing.
    let mut commune_rows = Vec::new();
    for (i, r) in communes_in.iter().enumerate() {
        let code = commune::CommuneCode::parse(&r.code).map_err(|e| bad(COMMUNES.0, i, e))?;
        let kind = commune::CommuneKind::parse(&r.kind).map_err(|e| bad(COMMUNES.0, i, e))?;
        commune_rows.push((
            communes::code.eq(code.as_str().to_owned()),
            communes::name.eq(r.name.trim()),
            communes::kind.eq(kind.as_str()),
            communes::search_key.eq(fold(&r.name)),
        ));
    }
    let mut zone_rows = Vec::new();
    for (i, r) in zones_in.iter().enumerate() {
        let kind = zone::ZoneKind::parse(&r.kind).map_err(|e| bad(ZONES.0, i, e))?;
        let status = zone::ZoneStatus::parse(&r.status).map_err(|e| bad(ZONES.0, i, e))?;
        let confidence = zone::Confidence::parse(&r.confidence).map_err(|e| bad(ZONES.0, i, e))?;
        let commune =
            commune::CommuneCode::parse(&r.commune_code).map_err(|e| bad(ZONES.0, i, e))?;
        zone_rows.push((
            zones::id.eq(uuid::Uuid::now_v7()),
            zones::slug.eq(slug(&r.name)),
            zones::name.eq(r.name.trim()),
            zones::kind.eq(kind.as_str()),
            zones::commune_code.eq(Some(commune.as_str().to_owned())),
            zones::area_ha.eq(r.area_ha),
            zones::status.eq(status.as_str()),
            zones::source.eq(r.source.trim()),
            zones::confidence.eq(confidence.as_str()),
            zones::search_key.eq(fold(&r.name)),
        ));
    }
    let mut group_rows = Vec::new();
    for (i, r) in groups_in.iter().enumerate() {
        let industrial = match r.industrial_group_of_plan.trim() {
            "yes" => true,
            "no" => false,
            other => {
                return Err(bad(
                    GROUPS.0,
                    i,
                    format!("expected yes or no, found {other:?}"),
                ));
            }
        };
        group_rows.push((
            occupation_groups::key.eq(r.key.trim()),
            occupation_groups::name_vi.eq(r.name_vi.trim()),
            occupation_groups::name_en.eq(r.name_en.trim()),
            occupation_groups::industrial_group_of_plan.eq(industrial),
            occupation_groups::position.eq(i as i32 + 1),
        ));
    }
    let mut occupation_rows = Vec::new();
    for (i, r) in occupations_in.iter().enumerate() {
        let code =
            occupation::OccupationCode::parse(&r.isco08).map_err(|e| bad(OCCUPATIONS.0, i, e))?;
        occupation_rows.push((
            occupations::code.eq(code.as_str().to_owned()),
            occupations::group_key.eq(r.group.trim()),
            occupations::name_vi.eq(r.name_vi.trim()),
            occupations::title_en.eq(r.title_en.trim()),
            occupations::search_key.eq(fold(&r.name_vi)),
        ));
    }
    let mut vet_rows = Vec::new();
    for (i, r) in vet_in.iter().enumerate() {
        let code = r.code.trim();
        if code.len() != 7 || !code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad(VET.0, i, "programme code must be 7 digits"));
        }
        let occupation =
            occupation::OccupationCode::parse(&r.isco08).map_err(|e| bad(VET.0, i, e))?;
        vet_rows.push((
            vet_programmes::code.eq(code.to_owned()),
            vet_programmes::name_vi.eq(r.name_vi.trim()),
            vet_programmes::level.eq(r.level.trim()),
            vet_programmes::occupation_code.eq(occupation.as_str().to_owned()),
            vet_programmes::source.eq(r.source.trim()),
        ));
    }
    let ethnic_rows: Vec<_> = ethnic_in
        .iter()
        .enumerate()
        .map(|(i, name)| {
            (
                ethnic_groups::key.eq(slug(name)),
                ethnic_groups::name_vi.eq(*name),
                ethnic_groups::is_minority.eq(*name != "Kinh"),
                ethnic_groups::position.eq(i as i32 + 1),
            )
        })
        .collect();

    conn.transaction::<_, Error, _>(async |conn| {
        {
            diesel::insert_into(communes::table)
                .values(&commune_rows)
                .on_conflict(communes::code)
                .do_update()
                .set((
                    communes::name.eq(excluded(communes::name)),
                    communes::kind.eq(excluded(communes::kind)),
                    communes::search_key.eq(excluded(communes::search_key)),
                ))
                .execute(conn)
                .await?;
            // Zones belong to staff once loaded: only add the ones not there yet.
            diesel::insert_into(zones::table)
                .values(&zone_rows)
                .on_conflict_do_nothing()
                .execute(conn)
                .await?;
            diesel::insert_into(occupation_groups::table)
                .values(&group_rows)
                .on_conflict(occupation_groups::key)
                .do_update()
                .set((
                    occupation_groups::name_vi.eq(excluded(occupation_groups::name_vi)),
                    occupation_groups::name_en.eq(excluded(occupation_groups::name_en)),
                    occupation_groups::industrial_group_of_plan
                        .eq(excluded(occupation_groups::industrial_group_of_plan)),
                    occupation_groups::position.eq(excluded(occupation_groups::position)),
                ))
                .execute(conn)
                .await?;
            diesel::insert_into(occupations::table)
                .values(&occupation_rows)
                .on_conflict(occupations::code)
                .do_update()
                .set((
                    occupations::group_key.eq(excluded(occupations::group_key)),
                    occupations::name_vi.eq(excluded(occupations::name_vi)),
                    occupations::title_en.eq(excluded(occupations::title_en)),
                    occupations::search_key.eq(excluded(occupations::search_key)),
                ))
                .execute(conn)
                .await?;
            diesel::insert_into(training_levels::table)
                .values(&levels_in)
                .on_conflict(training_levels::code)
                .do_update()
                .set((
                    training_levels::rank.eq(excluded(training_levels::rank)),
                    training_levels::name_vi.eq(excluded(training_levels::name_vi)),
                    training_levels::name_en.eq(excluded(training_levels::name_en)),
                    training_levels::duration.eq(excluded(training_levels::duration)),
                ))
                .execute(conn)
                .await?;
            diesel::insert_into(vet_programmes::table)
                .values(&vet_rows)
                .on_conflict(vet_programmes::code)
                .do_update()
                .set((
                    vet_programmes::name_vi.eq(excluded(vet_programmes::name_vi)),
                    vet_programmes::level.eq(excluded(vet_programmes::level)),
                    vet_programmes::occupation_code.eq(excluded(vet_programmes::occupation_code)),
                    vet_programmes::source.eq(excluded(vet_programmes::source)),
                ))
                .execute(conn)
                .await?;
            diesel::insert_into(ethnic_groups::table)
                .values(&ethnic_rows)
                .on_conflict(ethnic_groups::key)
                .do_update()
                .set((
                    ethnic_groups::name_vi.eq(excluded(ethnic_groups::name_vi)),
                    ethnic_groups::is_minority.eq(excluded(ethnic_groups::is_minority)),
                    ethnic_groups::position.eq(excluded(ethnic_groups::position)),
                ))
                .execute(conn)
                .await?;
            Ok(Loaded {
                communes: rows(communes::table.count().get_result(conn).await?),
                zones: rows(zones::table.count().get_result(conn).await?),
                occupation_groups: rows(occupation_groups::table.count().get_result(conn).await?),
                occupations: rows(occupations::table.count().get_result(conn).await?),
                training_levels: rows(training_levels::table.count().get_result(conn).await?),
                vet_programmes: rows(vet_programmes::table.count().get_result(conn).await?),
                ethnic_groups: rows(ethnic_groups::table.count().get_result(conn).await?),
            })
        }
    })
    .await
}

fn rows(n: i64) -> usize {
    usize::try_from(n).unwrap_or(0)
}

/// Names from a text file of one name a line; `#` starts a comment line.
fn ethnic_names(text: &str) -> Vec<&str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

/// The first column of a shipped reference file, without its heading.
fn keys(file: &'static str) -> Vec<&'static str> {
    file.lines()
        .skip(1)
        .filter_map(|line| line.split(',').next())
        .map(str::trim)
        .filter(|key| !key.is_empty())
        .collect()
}

/// The keys of the occupation groups shipped in `data/reference/` (the contract lists them).
pub fn occupation_group_keys() -> Vec<&'static str> {
    keys(GROUPS.1)
}

/// The codes of the training levels shipped in `data/reference/`.
pub fn training_level_codes() -> Vec<&'static str> {
    keys(LEVELS.1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_files_parse() {
        assert_eq!(
            records::<CommuneRecord>(COMMUNES).map(|r| r.len()).ok(),
            Some(65)
        );
        assert_eq!(ethnic_names(ETHNIC.1).len(), 54);
        assert!(records::<ZoneRecord>(ZONES).is_ok());
        assert!(
            records::<OccupationRecord>(OCCUPATIONS)
                .map(|r| r.len())
                .unwrap_or(0)
                >= 80
        );
    }
}
