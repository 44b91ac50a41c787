-- Why staff rejected or removed a posting, as one of the public codes (the domain's
-- `ModerationReason`); `moderation_reason` keeps the note. The report reasons come first under
-- their own names, so a decision on a report carries the report's code.
ALTER TABLE postings
    ADD COLUMN moderation_reason_code text
        CHECK (moderation_reason_code IN ('scam', 'asks_for_money', 'discriminatory',
            'wrong_information', 'incomplete', 'duplicate', 'not_in_province',
            'organisation_refused', 'other'));
-- Decisions taken before the codes existed said everything in their text; the removals that
-- followed a refused verification said so in it.
UPDATE postings SET moderation_reason_code = CASE
        WHEN state = 'removed' AND moderation_reason LIKE 'Tổ chức đã bị từ chối xác minh%'
            THEN 'organisation_refused'
        ELSE 'other' END
    WHERE moderation_reason IS NOT NULL;
