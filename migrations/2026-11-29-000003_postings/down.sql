DROP TABLE idempotency_keys;
DROP TABLE feed_events;
DROP TABLE training_offers;
DROP TABLE posting_reports;
DROP TABLE postings;
