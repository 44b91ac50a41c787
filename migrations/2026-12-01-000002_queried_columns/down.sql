DROP TRIGGER declaration_rows_on_update ON declarations;
DROP TRIGGER declaration_rows_on_insert ON declarations;
DROP FUNCTION declaration_rows_sync();
DROP TABLE declaration_recruitment;
DROP TABLE declaration_workforce;

DROP TRIGGER worker_desired_occupations_on_update ON worker_profiles;
DROP TRIGGER worker_desired_occupations_on_insert ON worker_profiles;
DROP FUNCTION worker_desired_occupations_sync();
DROP TABLE worker_desired_occupations;
ALTER TABLE worker_profiles DROP COLUMN commune_code, DROP COLUMN training_level;

DROP INDEX postings_kind_published_idx;
DROP INDEX postings_statistics_idx;
ALTER TABLE postings DROP COLUMN level, DROP COLUMN seats, DROP COLUMN headcount;
