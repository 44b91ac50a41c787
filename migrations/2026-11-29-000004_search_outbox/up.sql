-- Postings whose public state changed and that the search index has not caught up with. Written
-- in the same transaction as the change; deleted only once the engine has acknowledged it.
CREATE TABLE search_outbox (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    posting_id  uuid NOT NULL,
    enqueued_at timestamptz NOT NULL DEFAULT now()
);
