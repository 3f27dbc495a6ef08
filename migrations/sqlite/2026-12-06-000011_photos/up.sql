-- Portfolios: a caption per language and an order; photos can be reported.
ALTER TABLE media ADD COLUMN caption_fr TEXT;
ALTER TABLE media ADD COLUMN caption_ar TEXT;
ALTER TABLE media ADD COLUMN caption_en TEXT;
ALTER TABLE media ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
CREATE INDEX media_portfolio_idx ON media (owner_id, kind, position);

-- SQLite cannot change a CHECK: the table is rebuilt (nothing refers to reports).
CREATE TABLE reports_new (
    id INTEGER PRIMARY KEY,
    reporter_id BIGINT NOT NULL REFERENCES users (id),
    target_kind TEXT NOT NULL CHECK (target_kind IN ('REVIEW', 'MESSAGE', 'CONVERSATION', 'PROVIDER', 'PHOTO')),
    target_id BIGINT NOT NULL,
    reason TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'RESOLVED', 'DISMISSED')),
    resolved_by_id BIGINT REFERENCES users (id),
    resolution_note TEXT,
    resolved_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO reports_new SELECT id, reporter_id, target_kind, target_id, reason, status, resolved_by_id,
    resolution_note, resolved_at, created_at FROM reports;
DROP TABLE reports;
ALTER TABLE reports_new RENAME TO reports;
CREATE INDEX reports_queue_idx ON reports (status, target_kind, created_at);
