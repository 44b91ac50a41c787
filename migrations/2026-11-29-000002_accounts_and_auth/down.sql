DROP TABLE audit_log;
DROP FUNCTION audit_log_is_append_only();
DROP TABLE api_keys;
DROP TABLE refresh_tokens;
DROP TABLE sessions;
DROP TABLE memberships;
DROP TABLE accounts;
DROP INDEX organisations_verification_idx;
ALTER TABLE organisations ADD COLUMN verified boolean NOT NULL DEFAULT false;
UPDATE organisations SET verified = (verification = 'verified');
ALTER TABLE organisations
    DROP COLUMN verification_changed_at,
    DROP COLUMN verification_reason,
    DROP COLUMN verification,
    DROP COLUMN licence_number;
