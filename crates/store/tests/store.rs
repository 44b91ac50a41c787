//! Store tests against a real PostgreSQL: migrations, reference data, demo seed, private cluster.

use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use labour_store::test_db::TestDb;
use labour_store::{db, demo, migrations, reference};

type TestResult = Result<(), Box<dyn std::error::Error>>;

#[derive(QueryableByName, Debug, PartialEq)]
struct Line {
    #[diesel(sql_type = diesel::sql_types::Text)]
    line: String,
}

/// Tables, columns, constraints and indexes of the public schema, one sorted line each.
async fn schema_dump(conn: &mut AsyncPgConnection) -> Result<Vec<String>, diesel::result::Error> {
    let lines: Vec<Line> = diesel::sql_query(
        "SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable \
                || ' ' || coalesce(column_default, '') AS line
           FROM information_schema.columns WHERE table_schema = 'public'
         UNION ALL
         SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
           FROM pg_constraint WHERE connamespace = 'public'::regnamespace
         UNION ALL
         SELECT indexdef FROM pg_indexes WHERE schemaname = 'public'
         ORDER BY 1",
    )
    .load(conn)
    .await?;
    Ok(lines.into_iter().map(|l| l.line).collect())
}

#[tokio::test]
async fn migrations_go_up_down_and_up_again_to_the_same_schema() -> TestResult {
    let test = TestDb::empty().await?;
    let applied = migrations::run(test.url()).await?;
    assert!(!applied.is_empty());
    let mut conn = db::connect(test.url()).await?;
    let first = schema_dump(&mut conn).await?;
    assert!(
        first.iter().any(|l| l.starts_with("zones.kind text")),
        "{first:#?}"
    );
    assert!(migrations::pending(&mut conn).await?.is_empty());

    let reverted = migrations::revert_all(test.url()).await?;
    assert_eq!(reverted.len(), applied.len());
    let empty = schema_dump(&mut conn).await?;
    // Only diesel's own bookkeeping table may remain.
    assert!(
        empty
            .iter()
            .all(|l| l.contains("__diesel_schema_migrations")),
        "{empty:#?}"
    );
    assert_eq!(migrations::pending(&mut conn).await?.len(), applied.len());

    migrations::run(test.url()).await?;
    assert_eq!(schema_dump(&mut conn).await?, first);
    Ok(())
}

#[tokio::test]
async fn reference_data_is_complete_and_loading_again_keeps_staff_edits() -> TestResult {
    use labour_store::schema::zones;
    let test = TestDb::new().await?;
    let mut conn = db::connect(test.url()).await?;

    let loaded = reference::load(&mut conn).await?;
    assert_eq!(loaded.communes, 65);
    assert_eq!(loaded.occupation_groups, 10);
    assert_eq!(loaded.ethnic_groups, 54);
    assert_eq!(loaded.training_levels, 4);
    assert!(loaded.occupations >= 80);
    assert!(loaded.zones >= 8);

    // Staff correct a zone; the next load must not undo it nor add a duplicate.
    diesel::update(zones::table.filter(zones::slug.eq("khu-cong-nghiep-dong-banh")))
        .set(zones::area_ha.eq(Some(170.5)))
        .execute(&mut conn)
        .await?;
    let again = reference::load(&mut conn).await?;
    assert_eq!(again, loaded);
    let area: Option<f64> = zones::table
        .filter(zones::slug.eq("khu-cong-nghiep-dong-banh"))
        .select(zones::area_ha)
        .first(&mut conn)
        .await?;
    assert_eq!(area, Some(170.5));
    Ok(())
}

#[tokio::test]
async fn demo_seed_is_deterministic_and_spread_over_zones() -> TestResult {
    use labour_store::schema::organisations;
    let test = TestDb::new().await?;
    let mut conn = db::connect(test.url()).await?;
    let first = demo::seed(&mut conn).await?;
    assert!(first >= 12);
    assert_eq!(
        demo::seed(&mut conn).await?,
        0,
        "a second seed adds nothing"
    );

    let zones_used: std::collections::HashSet<Option<uuid::Uuid>> = organisations::table
        .filter(organisations::zone_id.is_not_null())
        .select(organisations::zone_id)
        .load::<Option<uuid::Uuid>>(&mut conn)
        .await?
        .into_iter()
        .collect();
    let zones_total: i64 = labour_store::schema::zones::table
        .count()
        .get_result(&mut conn)
        .await?;
    assert_eq!(
        zones_used.len() as i64,
        zones_total,
        "every real zone has a demo enterprise"
    );
    let unverified: i64 = organisations::table
        .filter(organisations::verification.eq("pending"))
        .count()
        .get_result(&mut conn)
        .await?;
    assert!(unverified > 0, "some organisations wait for verification");
    Ok(())
}

#[tokio::test]
async fn a_private_cluster_starts_is_joined_and_stops() -> TestResult {
    use labour_store::cluster::LocalCluster;
    let dir = tempfile::Builder::new()
        .prefix("labour-cluster-test-")
        .tempdir()?;
    let first = LocalCluster::ensure(dir.path()).await?;
    assert!(first.owned());
    let url = first.url(labour_store::cluster::DATABASE);
    let mut conn = db::connect(&url).await?;
    let one: i32 = diesel::select(1.into_sql::<diesel::sql_types::Integer>())
        .get_result(&mut conn)
        .await?;
    assert_eq!(one, 1);

    // A second process (here: a second handle) joins the running cluster and does not own it.
    let second = LocalCluster::ensure(dir.path()).await?;
    assert!(!second.owned());
    second.stop().await?;
    assert!(
        db::connect(&url).await.is_ok(),
        "a joiner's stop leaves the cluster running"
    );

    drop(conn);
    first.stop().await?;
    assert!(
        db::connect(&url).await.is_err(),
        "the owner's stop stops it"
    );
    Ok(())
}

#[tokio::test]
async fn demo_postings_are_valid_published_and_seeded_once() -> TestResult {
    use labour_domain::posting::Content;
    use labour_store::schema::postings;
    let test = TestDb::new().await?;
    let mut conn = db::connect(test.url()).await?;
    demo::seed(&mut conn).await?;
    let today = chrono::Utc::now().date_naive();
    let added = labour_store::demo_postings::seed(&mut conn, today).await?;
    use labour_store::demo_postings::{COURSES, JOBS, NEEDS};
    assert_eq!(added, JOBS + COURSES + NEEDS);
    assert_eq!(
        labour_store::demo_postings::seed(&mut conn, today).await?,
        0,
        "a second seed adds nothing"
    );

    let rows: Vec<(String, serde_json::Value)> = postings::table
        .select((postings::state, postings::content))
        .load(&mut conn)
        .await?;
    let mut kinds = std::collections::BTreeMap::new();
    for (state, json) in rows {
        assert_eq!(state, "published");
        let content: Content = serde_json::from_value(json)?;
        assert_eq!(content.problems(today), vec![], "{}", content.title());
        *kinds.entry(content.kind()).or_insert(0) += 1;
    }
    use labour_domain::posting::Kind;
    assert_eq!(kinds.get(&Kind::Job), Some(&JOBS));
    assert_eq!(kinds.get(&Kind::Course), Some(&COURSES));
    assert_eq!(kinds.get(&Kind::TrainingNeed), Some(&NEEDS));
    Ok(())
}

#[tokio::test]
async fn synthetic_postings_are_valid_deterministic_and_queued_for_indexing() -> TestResult {
    use labour_domain::posting::Content;
    use labour_store::schema::{postings, search_outbox};
    use labour_store::synthetic::{Scale, seed};
    let today = chrono::Utc::now().date_naive();
    let mut snapshots = Vec::new();
    for _ in 0..2 {
        let test = TestDb::new().await?;
        let mut conn = db::connect(test.url()).await?;
        let mut last = (0, 0);
        let added = seed(&mut conn, Scale::from_jobs(200), 7, today, |d, t| {
            last = (d, t)
        })
        .await?;
        assert_eq!((added, last), (260, (260, 260)));
        let queued: i64 = search_outbox::table.count().get_result(&mut conn).await?;
        assert_eq!(queued, 260);
        let rows: Vec<serde_json::Value> = postings::table
            .select(postings::content)
            .order(postings::id)
            .load(&mut conn)
            .await?;
        for json in &rows {
            let content: Content = serde_json::from_value(json.clone())?;
            assert_eq!(content.problems(today), vec![], "{}", content.title());
        }
        snapshots.push(rows);
    }
    assert_eq!(
        snapshots[0], snapshots[1],
        "the same seed gives the same postings"
    );
    Ok(())
}
