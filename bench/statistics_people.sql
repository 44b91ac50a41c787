-- People for the statistics and indicator benchmarks (docs/benchmarks.md, "Statistics, KPIs
-- and the feed"): on top of `labour-market seed --synthetic 100000`, 50,000 synthetic workers
-- with profiles (accounts 60 days old), 200,000 applications to published jobs and courses with
-- a spread of statuses, and a declaration for 2024 and 2025 from every verified enterprise.
-- Deterministic (setseed). Run once: psql "$DATABASE_URL" -f bench/statistics_people.sql
SELECT setseed(0.13);

CREATE TEMP TABLE bench_codes AS SELECT array_agg(code ORDER BY code) AS occ FROM occupations;
CREATE TEMP TABLE bench_communes AS SELECT array_agg(code ORDER BY code) AS c FROM communes;
CREATE TEMP TABLE bench_groups AS SELECT array_agg(key ORDER BY key) AS g FROM occupation_groups;

INSERT INTO accounts (id, role, email, display_name, password_hash, created_at)
SELECT ('01940000-0000-7000-9000-' || lpad(to_hex(n), 12, '0'))::uuid, 'user',
       'bench' || n || '@synthetic.example.vn', 'Người lao động ' || n, '!', now() - interval '60 days'
  FROM generate_series(1, 50000) n;

INSERT INTO worker_profiles (account_id, profile)
SELECT a.id, jsonb_build_object(
         'full_name', a.display_name,
         'commune_code', c.c[1 + floor(random() * array_length(c.c, 1))::int],
         'training_level', (ARRAY['so_cap', 'trung_cap', 'cao_dang', 'duoi_3_thang', NULL])[1 + floor(random() * 5)::int],
         'desired_occupations', to_jsonb(ARRAY(
             SELECT o.occ[1 + floor(random() * array_length(o.occ, 1))::int]
               FROM generate_series(1, floor(random() * 4)::int) WHERE a.id IS NOT NULL)))
  FROM accounts a, bench_codes o, bench_communes c
 WHERE a.email LIKE 'bench%@synthetic.example.vn';

INSERT INTO applications (id, posting_id, worker_id, shared, status, created_at, updated_at)
SELECT DISTINCT ON (p.id, w.id) gen_random_uuid(), p.id, w.id, '{}'::jsonb,
       (ARRAY['received', 'shortlisted', 'interview', 'hired', 'hired', 'rejected', 'withdrawn'])[1 + floor(random() * 7)::int],
       p.published_at, p.published_at + (random() * interval '40 days')
  FROM (SELECT n, ('01940000-0000-7000-9000-' || lpad(to_hex(1 + floor(random() * 50000)::int), 12, '0'))::uuid AS worker,
               floor(random() * 120400)::int AS nth FROM generate_series(1, 200000) n) g
  JOIN (SELECT id, published_at, row_number() OVER (ORDER BY id) - 1 AS nth
          FROM postings WHERE state = 'published' AND kind IN ('job', 'course')) p ON p.nth = g.nth
  JOIN accounts w ON w.id = g.worker
 ORDER BY p.id, w.id;

INSERT INTO declarations (organisation_id, year, content, total_workers)
SELECT o.id, y, jsonb_build_object(
         'workforce', (SELECT jsonb_agg(jsonb_build_object(
             'occupation_group', g.g[1 + (i % array_length(g.g, 1))],
             'level', (ARRAY['none', 'so_cap', 'trung_cap', 'cao_dang', 'duoi_3_thang'])[1 + (i + y) % 5],
             'workers', 20 + (i * 7 + y) % 80, 'ethnic_minority', 5 + (i * 3) % 15,
             'with_it_skills', 4 + (i * 5) % 15))
           FROM generate_series(1, 4 + abs(hashtext(o.id::text)) % 6) i),
         'planned_recruitment', (SELECT jsonb_agg(jsonb_build_object(
             'occupation_code', c.occ[1 + (i * 11 + abs(hashtext(o.id::text))) % array_length(c.occ, 1)],
             'level', (ARRAY['none', 'so_cap', 'trung_cap'])[1 + i % 3],
             'headcount', 2 + (i * 13) % 30))
           FROM generate_series(1, 3) i),
         'training_needs', '[]'::jsonb), 100
  FROM organisations o, generate_series(2024, 2025) y, bench_groups g, bench_codes c
 WHERE o.kind = 'enterprise' AND o.verification = 'verified'
ON CONFLICT DO NOTHING;
ANALYZE;
