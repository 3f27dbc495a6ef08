DELETE FROM reports WHERE target_kind = 'PHOTO';
CREATE TABLE reports_old (
    id INTEGER PRIMARY KEY,
    reporter_id BIGINT NOT NULL REFERENCES users (id),
    target_kind TEXT NOT NULL CHECK (target_kind IN ('REVIEW', 'MESSAGE', 'CONVERSATION', 'PROVIDER')),
    target_id BIGINT NOT NULL,
    reason TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'RESOLVED', 'DISMISSED')),
    resolved_by_id BIGINT REFERENCES users (id),
    resolution_note TEXT,
    resolved_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO reports_old SELECT id, reporter_id, target_kind, target_id, reason, status, resolved_by_id,
    resolution_note, resolved_at, created_at FROM reports;
DROP TABLE reports;
ALTER TABLE reports_old RENAME TO reports;
CREATE INDEX reports_queue_idx ON reports (status, target_kind, created_at);

DROP INDEX media_portfolio_idx;
ALTER TABLE media DROP COLUMN position;
ALTER TABLE media DROP COLUMN caption_en;
ALTER TABLE media DROP COLUMN caption_ar;
ALTER TABLE media DROP COLUMN caption_fr;
