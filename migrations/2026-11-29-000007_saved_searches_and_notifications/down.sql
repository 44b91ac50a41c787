DROP INDEX worker_profiles_discoverable_idx;
DROP TABLE email_digests;
DROP TABLE notifications;
DROP TABLE saved_searches;
