-- Postings (jobs, training needs, courses) with moderation, reports, offers, the change feed and
-- idempotent creates.

CREATE TABLE postings (
    id               uuid PRIMARY KEY,
    kind             text NOT NULL CHECK (kind IN ('job', 'training_need', 'course')),
    organisation_id  uuid NOT NULL REFERENCES organisations (id),
    state            text NOT NULL
        CHECK (state IN ('draft', 'pending', 'published', 'rejected', 'closed', 'expired', 'removed')),
    -- The current content: public once published.
    content          jsonb NOT NULL,
    -- An edit of a published posting, waiting for review while `content` stays public.
    revision         jsonb,
    -- Columns copied from `content` for filtering and expiry.
    title            text NOT NULL,
    occupation_code  text NOT NULL REFERENCES occupations (code),
    zone_id          uuid REFERENCES zones (id),
    commune_code     text REFERENCES communes (code),
    deadline         date,
    flags            text[] NOT NULL DEFAULT '{}',
    report_count     integer NOT NULL DEFAULT 0,
    -- Why staff rejected or removed it; its owners see this.
    moderation_reason text,
    created_by       uuid,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    submitted_at     timestamptz,
    published_at     timestamptz,
    version          integer NOT NULL DEFAULT 1
);
CREATE INDEX postings_organisation_id_idx ON postings (organisation_id);
CREATE INDEX postings_state_kind_idx ON postings (state, kind);
CREATE INDEX postings_published_deadline_idx ON postings (deadline) WHERE state = 'published';
CREATE INDEX postings_review_idx ON postings (submitted_at) WHERE state = 'pending' OR revision IS NOT NULL;

CREATE TABLE posting_reports (
    posting_id  uuid NOT NULL REFERENCES postings (id) ON DELETE CASCADE,
    account_id  uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    reason      text NOT NULL
        CHECK (reason IN ('scam', 'asks_for_money', 'discriminatory', 'wrong_information', 'other')),
    note        text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (posting_id, account_id)
);

-- A school's answer to an enterprise's training need: one of its courses, or a proposal.
CREATE TABLE training_offers (
    id          uuid PRIMARY KEY,
    need_id     uuid NOT NULL REFERENCES postings (id) ON DELETE CASCADE,
    school_id   uuid NOT NULL REFERENCES organisations (id),
    course_id   uuid REFERENCES postings (id),
    proposal    text NOT NULL,
    state       text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'accepted', 'declined')),
    created_by  uuid,
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (need_id, school_id)
);

-- What became public, changed, or stopped being public, for third-party apps. Ordered by the
-- writing transaction's id and then the row id: every transaction older than the oldest one
-- still running has finished, so a reader that stops there never misses a late commit.
CREATE TABLE feed_events (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    xact_id     bigint NOT NULL DEFAULT (pg_current_xact_id()::text::bigint),
    posting_id  uuid NOT NULL,
    kind        text NOT NULL,
    change      text NOT NULL CHECK (change IN ('upsert', 'delete')),
    at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX feed_events_order_idx ON feed_events (xact_id, id);

CREATE TABLE idempotency_keys (
    actor         text NOT NULL,
    key           text NOT NULL,
    request_hash  bytea NOT NULL,
    status        integer,
    body          jsonb,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (actor, key)
);
