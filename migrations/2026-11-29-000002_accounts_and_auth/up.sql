-- Accounts, organisation membership and verification, sessions, API keys, and the audit log.

ALTER TABLE organisations
    ADD COLUMN licence_number text,
    ADD COLUMN verification text NOT NULL DEFAULT 'pending'
        CHECK (verification IN ('pending', 'verified', 'refused')),
    ADD COLUMN verification_reason text,
    ADD COLUMN verification_changed_at timestamptz;
UPDATE organisations SET verification = CASE WHEN verified THEN 'verified' ELSE 'pending' END;
ALTER TABLE organisations DROP COLUMN verified;
CREATE INDEX organisations_verification_idx ON organisations (verification);

CREATE TABLE accounts (
    id                   uuid PRIMARY KEY,
    -- 'user' accounts are workers or organisation members (by their memberships).
    role                 text NOT NULL CHECK (role IN ('user', 'staff', 'admin')),
    email                text UNIQUE CHECK (email IS NULL OR email = lower(email)),
    phone                text UNIQUE CHECK (phone IS NULL OR phone ~ '^\+84[0-9]{9}$'),
    display_name         text NOT NULL CHECK (length(btrim(display_name)) > 0),
    password_hash        text NOT NULL,
    -- Access tokens issued before this instant are refused (logout everywhere).
    sessions_valid_after timestamptz NOT NULL DEFAULT '1970-01-01T00:00:00Z',
    version              integer NOT NULL DEFAULT 1,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT accounts_email_or_phone CHECK (email IS NOT NULL OR phone IS NOT NULL)
);

CREATE TABLE memberships (
    organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    account_id      uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organisation_id, account_id)
);
CREATE INDEX memberships_account_id_idx ON memberships (account_id);

-- A session is one login; its refresh tokens form one family, rotated on every use.
CREATE TABLE sessions (
    id             uuid PRIMARY KEY,
    account_id     uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at     timestamptz NOT NULL DEFAULT now(),
    revoked_at     timestamptz,
    revoked_reason text
);
CREATE INDEX sessions_account_id_idx ON sessions (account_id);

CREATE TABLE refresh_tokens (
    token_hash  bytea PRIMARY KEY,
    session_id  uuid NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    -- Set when the token was exchanged for a new one; presenting it again is reuse.
    used_at     timestamptz
);
CREATE INDEX refresh_tokens_session_id_idx ON refresh_tokens (session_id);

CREATE TABLE api_keys (
    id              uuid PRIMARY KEY,
    organisation_id uuid REFERENCES organisations (id) ON DELETE CASCADE,
    name            text NOT NULL CHECK (length(btrim(name)) > 0),
    prefix          text NOT NULL,
    key_hash        bytea NOT NULL UNIQUE,
    scopes          text[] NOT NULL,
    created_by      uuid REFERENCES accounts (id) ON DELETE SET NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    last_used_at    timestamptz,
    revoked_at      timestamptz
);
CREATE INDEX api_keys_organisation_id_idx ON api_keys (organisation_id);

-- Append-only: who did what, when, from where. No foreign keys, so records outlive what they name.
CREATE TABLE audit_log (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at              timestamptz NOT NULL DEFAULT now(),
    actor_account   uuid,
    actor_api_key   uuid,
    action          text NOT NULL,
    subject_type    text,
    subject_id      text,
    client_addr     text,
    details         jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_subject_idx ON audit_log (subject_type, subject_id);
CREATE INDEX audit_log_actor_account_idx ON audit_log (actor_account);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END
$$;
CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
