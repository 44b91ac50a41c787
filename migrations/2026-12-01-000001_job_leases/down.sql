DROP INDEX feed_events_posting_idx;
DROP INDEX refresh_tokens_expires_idx;
DROP INDEX idempotency_keys_created_idx;

DELETE FROM email_digests WHERE last_sent_at IS NULL;
ALTER TABLE email_digests
    DROP COLUMN claim_token,
    DROP COLUMN claimed_until,
    ALTER COLUMN last_sent_at SET NOT NULL;

DROP INDEX search_outbox_claimed_idx;
ALTER TABLE search_outbox
    DROP COLUMN claim_token,
    DROP COLUMN claimed_until;
