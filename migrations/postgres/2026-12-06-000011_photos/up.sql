-- Portfolios: a caption per language and an order; photos can be reported.
ALTER TABLE media ADD COLUMN caption_fr TEXT;
ALTER TABLE media ADD COLUMN caption_ar TEXT;
ALTER TABLE media ADD COLUMN caption_en TEXT;
ALTER TABLE media ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
CREATE INDEX media_portfolio_idx ON media (owner_id, kind, position);

ALTER TABLE reports DROP CONSTRAINT reports_target_kind_check;
ALTER TABLE reports ADD CONSTRAINT reports_target_kind_check
    CHECK (target_kind IN ('REVIEW', 'MESSAGE', 'CONVERSATION', 'PROVIDER', 'PHOTO'));
