-- Applications of workers to published jobs: the fields the worker chose to share are copied at
-- the time of applying, so the enterprise sees that snapshot and nothing else.
CREATE TABLE applications (
    id          uuid PRIMARY KEY,
    posting_id  uuid NOT NULL REFERENCES postings (id),
    worker_id   uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    shared      jsonb NOT NULL,
    message     text,
    status      text NOT NULL DEFAULT 'received'
        CHECK (status IN ('received', 'shortlisted', 'interview', 'hired', 'rejected', 'withdrawn')),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (posting_id, worker_id)
);
CREATE INDEX applications_worker_id_idx ON applications (worker_id);
