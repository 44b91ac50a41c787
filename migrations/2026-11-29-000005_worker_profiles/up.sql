-- Workers' profiles: private to the worker and to staff; checked by the domain before storing.
CREATE TABLE worker_profiles (
    account_id    uuid PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    profile       jsonb NOT NULL,
    discoverable  boolean NOT NULL DEFAULT false,
    version       integer NOT NULL DEFAULT 1,
    updated_at    timestamptz NOT NULL DEFAULT now()
);
