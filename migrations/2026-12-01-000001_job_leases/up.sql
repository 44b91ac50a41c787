-- Background jobs claim their work with a lease instead of a transaction or lock held across
-- a network call: a claim sets `claimed_until` (and the claimer's token), the work is done with
-- no transaction open, then the row is deleted or marked done by the claimer. A lease that runs
-- out (the claimer died) is taken again by another instance.
ALTER TABLE search_outbox
    ADD COLUMN claimed_until timestamptz,
    ADD COLUMN claim_token uuid;
-- Claims skip postings another indexer is working on: finds the live claims quickly.
CREATE INDEX search_outbox_claimed_idx ON search_outbox (posting_id) WHERE claimed_until IS NOT NULL;

-- An account's digest row now exists from its first claim, before any digest was sent.
ALTER TABLE email_digests
    ALTER COLUMN last_sent_at DROP NOT NULL,
    ADD COLUMN claimed_until timestamptz,
    ADD COLUMN claim_token uuid;

-- The purge job deletes what is past its use by these.
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);
CREATE INDEX refresh_tokens_expires_idx ON refresh_tokens (expires_at);
CREATE INDEX feed_events_posting_idx ON feed_events (posting_id, xact_id, id);
