-- Password resets: a link sent by email, or a code staff of the employment service centre hand
-- over in person. Each is kept only as a SHA-256 hash, works once, and expires.
CREATE TABLE password_resets (
    id          uuid PRIMARY KEY,
    account_id  uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    channel     text NOT NULL CHECK (channel IN ('email', 'staff_code')),
    secret_hash bytea NOT NULL UNIQUE,
    -- The staff member who issued a code (the audit log keeps who, for good).
    issued_by   uuid REFERENCES accounts (id) ON DELETE SET NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    -- Set when it was used, or given up after too many wrong codes, or another reset won.
    used_at     timestamptz,
    -- Wrong codes entered for the account while this code was active.
    failed_attempts integer NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0)
);
CREATE INDEX password_resets_account_id_idx ON password_resets (account_id);
