-- Saved searches of workers, the notifications their new matches create, and when each account
-- last got its email digest.
CREATE TABLE saved_searches (
    id             uuid PRIMARY KEY,
    account_id     uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    name           text NOT NULL,
    kind           text NOT NULL CHECK (kind IN ('job', 'training_need', 'course', 'all')),
    -- The search's parameters, as the search endpoints take them (checked before storing).
    query          jsonb NOT NULL,
    -- Whether its matches go into the daily email digest.
    email          boolean NOT NULL DEFAULT true,
    -- Postings published up to this moment have been matched against it.
    checked_until  timestamptz NOT NULL DEFAULT now(),
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX saved_searches_account_id_idx ON saved_searches (account_id);

CREATE TABLE notifications (
    id               uuid PRIMARY KEY,
    account_id       uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    saved_search_id  uuid REFERENCES saved_searches (id) ON DELETE SET NULL,
    posting_id       uuid NOT NULL REFERENCES postings (id) ON DELETE CASCADE,
    title            text NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    read_at          timestamptz,
    -- Set once the posting went out in a digest (or the account had digests off).
    emailed_at       timestamptz,
    -- One notification per posting, however many saved searches match it.
    UNIQUE (account_id, posting_id)
);
CREATE INDEX notifications_account_created_idx ON notifications (account_id, created_at DESC);
CREATE INDEX notifications_unemailed_idx ON notifications (account_id) WHERE emailed_at IS NULL;

CREATE TABLE email_digests (
    account_id    uuid PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    last_sent_at  timestamptz NOT NULL
);

-- Candidate search reads discoverable profiles by the occupations they want.
CREATE INDEX worker_profiles_discoverable_idx ON worker_profiles
    USING gin ((profile -> 'desired_occupations')) WHERE discoverable;
