DELETE FROM reports WHERE target_kind = 'PHOTO';
ALTER TABLE reports DROP CONSTRAINT reports_target_kind_check;
ALTER TABLE reports ADD CONSTRAINT reports_target_kind_check
    CHECK (target_kind IN ('REVIEW', 'MESSAGE', 'CONVERSATION', 'PROVIDER'));

DROP INDEX media_portfolio_idx;
ALTER TABLE media DROP COLUMN position;
ALTER TABLE media DROP COLUMN caption_en;
ALTER TABLE media DROP COLUMN caption_ar;
ALTER TABLE media DROP COLUMN caption_fr;
