//! The columns and child tables that the database keeps from JSON documents (migration
//! `queried_columns`) follow every insert, update and delete of the document, whoever writes it.

use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use labour_store::db;
use labour_store::test_db::{self, TestDb};

type TestResult = Result<(), Box<dyn std::error::Error>>;

#[derive(QueryableByName, Debug, PartialEq)]
struct Line {
    #[diesel(sql_type = diesel::sql_types::Text)]
    line: String,
}

/// The rows of `sql` (which selects one text column `line`), in order.
async fn lines(
    conn: &mut AsyncPgConnection,
    sql: &str,
) -> Result<Vec<String>, diesel::result::Error> {
    let rows: Vec<Line> = diesel::sql_query(sql).load(conn).await?;
    Ok(rows.into_iter().map(|l| l.line).collect())
}

const ORG: &str = "01940000-0000-7000-8000-00000000c0de";

async fn organisation(conn: &mut AsyncPgConnection) -> Result<(), labour_store::Error> {
    test_db::execute(
        conn,
        &format!(
            "INSERT INTO organisations (id, kind, name, tax_code, verification) \
             VALUES ('{ORG}', 'enterprise', 'Công ty thử', '0100109106', 'verified')"
        ),
    )
    .await
}

#[tokio::test]
async fn posting_columns_follow_the_content() -> TestResult {
    let test = TestDb::new().await?;
    let mut conn = db::connect(test.url()).await?;
    organisation(&mut conn).await?;
    let p = "01940000-0000-7000-8000-0000000000a1";
    let c = "01940000-0000-7000-8000-0000000000a2";
    test_db::execute(
        &mut conn,
        &format!(
            "INSERT INTO postings (id, kind, organisation_id, state, content, title, occupation_code) VALUES \
             ('{p}', 'job', '{ORG}', 'draft', '{{\"headcount\": 12, \"required_level\": \"so_cap\"}}', 'Thợ hàn', '7212'), \
             ('{c}', 'course', '{ORG}', 'draft', '{{\"seats\": 30, \"level\": \"trung_cap\"}}', 'Hàn', '7212')"
        ),
    )
    .await?;
    let read = "SELECT kind || ' ' || coalesce(headcount::text, '-') || ' ' || coalesce(seats::text, '-') \
                || ' ' || coalesce(level, '-') AS line FROM postings ORDER BY id";
    assert_eq!(
        lines(&mut conn, read).await?,
        ["job 12 - so_cap", "course - 30 trung_cap"]
    );

    test_db::execute(
        &mut conn,
        &format!(
            "UPDATE postings SET content = '{{\"headcount\": 3}}' WHERE id = '{p}'; \
             UPDATE postings SET content = content || '{{\"seats\": 25}}' WHERE id = '{c}'"
        ),
    )
    .await?;
    assert_eq!(
        lines(&mut conn, read).await?,
        ["job 3 - -", "course - 25 trung_cap"]
    );
    Ok(())
}

#[tokio::test]
async fn worker_columns_and_desired_occupations_follow_the_profile() -> TestResult {
    let test = TestDb::new().await?;
    let mut conn = db::connect(test.url()).await?;
    let w = "01940000-0000-7000-8000-0000000000b1";
    test_db::execute(
        &mut conn,
        &format!(
            "INSERT INTO accounts (id, role, email, display_name, password_hash) \
               VALUES ('{w}', 'user', 'w@example.vn', 'Người thử', '!'); \
             INSERT INTO worker_profiles (account_id, profile) VALUES ('{w}', \
               '{{\"training_level\": \"so_cap\", \"commune_code\": \"06463\", \
                  \"desired_occupations\": [\"7212\", \"8153\", \"7212\"]}}')"
        ),
    )
    .await?;
    let columns = "SELECT coalesce(training_level, '-') || ' ' || coalesce(commune_code, '-') AS line \
                   FROM worker_profiles";
    let desired = "SELECT position || ' ' || occupation_code AS line \
                   FROM worker_desired_occupations ORDER BY position";
    assert_eq!(lines(&mut conn, columns).await?, ["so_cap 06463"]);
    assert_eq!(
        lines(&mut conn, desired).await?,
        ["1 7212", "2 8153", "3 7212"]
    );

    // An update of another column leaves the rows alone; one of the profile replaces them.
    test_db::execute(
        &mut conn,
        "UPDATE worker_profiles SET discoverable = true; \
         UPDATE worker_profiles SET profile = '{\"desired_occupations\": [\"8153\"]}'",
    )
    .await?;
    assert_eq!(lines(&mut conn, columns).await?, ["- -"]);
    assert_eq!(lines(&mut conn, desired).await?, ["1 8153"]);

    test_db::execute(
        &mut conn,
        "UPDATE worker_profiles SET profile = '{\"full_name\": \"x\"}'",
    )
    .await?;
    assert!(lines(&mut conn, desired).await?.is_empty());

    test_db::execute(
        &mut conn,
        "UPDATE worker_profiles SET profile = '{\"desired_occupations\": [\"7212\"]}'; \
         DELETE FROM worker_profiles",
    )
    .await?;
    assert!(lines(&mut conn, desired).await?.is_empty());
    Ok(())
}

#[tokio::test]
async fn declaration_rows_follow_the_content() -> TestResult {
    let test = TestDb::new().await?;
    let mut conn = db::connect(test.url()).await?;
    organisation(&mut conn).await?;
    test_db::execute(
        &mut conn,
        &format!(
            "INSERT INTO declaration_years (year) VALUES (2025); \
             INSERT INTO declarations (organisation_id, year, content, total_workers) VALUES \
             ('{ORG}', 2025, '{{\"workforce\": [\
                {{\"occupation_group\": \"co_khi\", \"level\": \"so_cap\", \"workers\": 40, \"ethnic_minority\": 14, \"with_it_skills\": 24}}, \
                {{\"occupation_group\": \"co_khi\", \"level\": \"none\", \"workers\": 20, \"ethnic_minority\": 10, \"with_it_skills\": 8}}], \
              \"planned_recruitment\": [{{\"occupation_code\": \"7212\", \"level\": \"so_cap\", \"headcount\": 7}}]}}', 60)"
        ),
    )
    .await?;
    let workforce = "SELECT year || ' ' || position || ' ' || occupation_group || ' ' || level || ' ' \
                     || workers || ' ' || ethnic_minority || ' ' || with_it_skills AS line \
                     FROM declaration_workforce ORDER BY position";
    let recruitment = "SELECT year || ' ' || position || ' ' || occupation_code || ' ' || level || ' ' \
                       || headcount AS line FROM declaration_recruitment ORDER BY position";
    assert_eq!(
        lines(&mut conn, workforce).await?,
        [
            "2025 1 co_khi so_cap 40 14 24",
            "2025 2 co_khi none 20 10 8"
        ]
    );
    assert_eq!(
        lines(&mut conn, recruitment).await?,
        ["2025 1 7212 so_cap 7"]
    );

    // A correction replaces the rows; an update of another column leaves them alone.
    test_db::execute(
        &mut conn,
        "UPDATE declarations SET content = '{\"workforce\": [\
            {\"occupation_group\": \"dien\", \"level\": \"trung_cap\", \"workers\": 5, \"ethnic_minority\": 1, \"with_it_skills\": 2}]}'; \
         UPDATE declarations SET version = version + 1",
    )
    .await?;
    assert_eq!(
        lines(&mut conn, workforce).await?,
        ["2025 1 dien trung_cap 5 1 2"]
    );
    assert!(lines(&mut conn, recruitment).await?.is_empty());

    test_db::execute(&mut conn, "DELETE FROM declarations").await?;
    assert!(lines(&mut conn, workforce).await?.is_empty());
    Ok(())
}
