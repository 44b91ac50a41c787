-- Fields of the JSON documents that statistics and indicators filter, group or sum, kept as
-- columns and child tables so that aggregates read narrow rows instead of parsing every document.
-- The database keeps them in step with the JSON (generated columns where an expression can,
-- triggers where a JSON array becomes rows), so no write path has to remember them.

-- Postings: the headcount of a job, the seats of a course, and the training level (a job's
-- `required_level`, a course's or training need's `level`).
ALTER TABLE postings
    ADD COLUMN headcount bigint GENERATED ALWAYS AS ((content->>'headcount')::bigint) STORED,
    ADD COLUMN seats     bigint GENERATED ALWAYS AS ((content->>'seats')::bigint) STORED,
    ADD COLUMN level     text GENERATED ALWAYS AS (
        CASE kind WHEN 'job' THEN content->>'required_level' ELSE content->>'level' END) STORED;
-- Statistics read postings by kind (and state) and group them by what they refer to: the index
-- holds every column they read, so they scan it alone (an index-only scan) instead of the table
-- and its documents.
CREATE INDEX postings_statistics_idx ON postings (kind, state)
    INCLUDE (id, organisation_id, occupation_code, level, zone_id, commune_code, published_at,
             headcount, seats);
-- Statistics by month and the forecast's postings of a year.
CREATE INDEX postings_kind_published_idx ON postings (kind, published_at)
    INCLUDE (occupation_code, level, headcount) WHERE published_at IS NOT NULL;
-- (Applications are found by posting through their UNIQUE (posting_id, worker_id) index.)

-- Worker profiles: training level and commune as columns, desired occupations as rows.
ALTER TABLE worker_profiles
    ADD COLUMN training_level text GENERATED ALWAYS AS (profile->>'training_level') STORED,
    ADD COLUMN commune_code   text GENERATED ALWAYS AS (profile->>'commune_code') STORED;

CREATE TABLE worker_desired_occupations (
    account_id       uuid NOT NULL REFERENCES worker_profiles (account_id) ON DELETE CASCADE,
    -- Position in `profile->'desired_occupations'` (from 1), so a repeated code stays a row.
    position         integer NOT NULL,
    occupation_code  text,
    PRIMARY KEY (account_id, position)
);
CREATE INDEX worker_desired_occupations_code_idx ON worker_desired_occupations (occupation_code);

CREATE FUNCTION worker_desired_occupations_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM worker_desired_occupations WHERE account_id = NEW.account_id;
    INSERT INTO worker_desired_occupations (account_id, position, occupation_code)
    SELECT NEW.account_id, e.position, e.code
      FROM jsonb_array_elements_text(
               CASE jsonb_typeof(NEW.profile->'desired_occupations')
                   WHEN 'array' THEN NEW.profile->'desired_occupations' ELSE '[]'::jsonb END)
           WITH ORDINALITY AS e(code, position);
    RETURN NULL;
END $$;
CREATE TRIGGER worker_desired_occupations_on_insert AFTER INSERT ON worker_profiles
    FOR EACH ROW EXECUTE FUNCTION worker_desired_occupations_sync();
CREATE TRIGGER worker_desired_occupations_on_update AFTER UPDATE ON worker_profiles
    FOR EACH ROW WHEN (OLD.profile IS DISTINCT FROM NEW.profile OR OLD.account_id <> NEW.account_id)
    EXECUTE FUNCTION worker_desired_occupations_sync();

-- Declarations: the workforce and planned recruitment rows (text columns nullable, like the JSON
-- they copy, so the copy never refuses a write the documents' table accepts). `year` leads the keys because every
-- aggregate reads one year or groups by year.
CREATE TABLE declaration_workforce (
    organisation_id   uuid NOT NULL,
    year              integer NOT NULL,
    -- Position in `content->'workforce'` (from 1).
    position          integer NOT NULL,
    occupation_group  text,
    level             text,
    workers           bigint NOT NULL,
    ethnic_minority   bigint NOT NULL,
    with_it_skills    bigint NOT NULL,
    PRIMARY KEY (year, organisation_id, position),
    FOREIGN KEY (organisation_id, year) REFERENCES declarations (organisation_id, year)
        ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX declaration_workforce_organisation_idx ON declaration_workforce (organisation_id, year);

CREATE TABLE declaration_recruitment (
    organisation_id  uuid NOT NULL,
    year             integer NOT NULL,
    -- Position in `content->'planned_recruitment'` (from 1).
    position         integer NOT NULL,
    occupation_code  text,
    level            text,
    headcount        bigint NOT NULL,
    PRIMARY KEY (year, organisation_id, position),
    FOREIGN KEY (organisation_id, year) REFERENCES declarations (organisation_id, year)
        ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX declaration_recruitment_organisation_idx ON declaration_recruitment (organisation_id, year);

CREATE FUNCTION declaration_rows_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM declaration_workforce WHERE organisation_id = NEW.organisation_id AND year = NEW.year;
    DELETE FROM declaration_recruitment WHERE organisation_id = NEW.organisation_id AND year = NEW.year;
    INSERT INTO declaration_workforce
        (organisation_id, year, position, occupation_group, level, workers, ethnic_minority, with_it_skills)
    SELECT NEW.organisation_id, NEW.year, r.position, r.v->>'occupation_group', r.v->>'level',
           coalesce((r.v->>'workers')::bigint, 0), coalesce((r.v->>'ethnic_minority')::bigint, 0),
           coalesce((r.v->>'with_it_skills')::bigint, 0)
      FROM jsonb_array_elements(
               CASE jsonb_typeof(NEW.content->'workforce')
                   WHEN 'array' THEN NEW.content->'workforce' ELSE '[]'::jsonb END)
           WITH ORDINALITY AS r(v, position);
    INSERT INTO declaration_recruitment
        (organisation_id, year, position, occupation_code, level, headcount)
    SELECT NEW.organisation_id, NEW.year, r.position, r.v->>'occupation_code', r.v->>'level',
           coalesce((r.v->>'headcount')::bigint, 0)
      FROM jsonb_array_elements(
               CASE jsonb_typeof(NEW.content->'planned_recruitment')
                   WHEN 'array' THEN NEW.content->'planned_recruitment' ELSE '[]'::jsonb END)
           WITH ORDINALITY AS r(v, position);
    RETURN NULL;
END $$;
CREATE TRIGGER declaration_rows_on_insert AFTER INSERT ON declarations
    FOR EACH ROW EXECUTE FUNCTION declaration_rows_sync();
CREATE TRIGGER declaration_rows_on_update AFTER UPDATE ON declarations
    FOR EACH ROW WHEN (OLD.content IS DISTINCT FROM NEW.content
                       OR OLD.organisation_id <> NEW.organisation_id OR OLD.year <> NEW.year)
    EXECUTE FUNCTION declaration_rows_sync();

-- Existing rows, with the triggers' expressions (the generated columns fill themselves).
INSERT INTO worker_desired_occupations (account_id, position, occupation_code)
SELECT w.account_id, e.position, e.code
  FROM worker_profiles w,
       jsonb_array_elements_text(
           CASE jsonb_typeof(w.profile->'desired_occupations')
               WHEN 'array' THEN w.profile->'desired_occupations' ELSE '[]'::jsonb END)
       WITH ORDINALITY AS e(code, position);
INSERT INTO declaration_workforce
    (organisation_id, year, position, occupation_group, level, workers, ethnic_minority, with_it_skills)
SELECT d.organisation_id, d.year, r.position, r.v->>'occupation_group', r.v->>'level',
       coalesce((r.v->>'workers')::bigint, 0), coalesce((r.v->>'ethnic_minority')::bigint, 0),
       coalesce((r.v->>'with_it_skills')::bigint, 0)
  FROM declarations d,
       jsonb_array_elements(
           CASE jsonb_typeof(d.content->'workforce')
               WHEN 'array' THEN d.content->'workforce' ELSE '[]'::jsonb END)
       WITH ORDINALITY AS r(v, position);
INSERT INTO declaration_recruitment (organisation_id, year, position, occupation_code, level, headcount)
SELECT d.organisation_id, d.year, r.position, r.v->>'occupation_code', r.v->>'level',
       coalesce((r.v->>'headcount')::bigint, 0)
  FROM declarations d,
       jsonb_array_elements(
           CASE jsonb_typeof(d.content->'planned_recruitment')
               WHEN 'array' THEN d.content->'planned_recruitment' ELSE '[]'::jsonb END)
       WITH ORDINALITY AS r(v, position);
