ALTER TABLE postings DROP COLUMN moderation_reason_code;
