-- Transactional outbox (see services::outbox): every email is written here in the same transaction as the
-- change that causes it; the sender claims due rows, sends them and marks them sent, retrying with backoff.
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    -- 'verify-email', 'password-reset', 'notification', … (what the back office shows).
    kind TEXT NOT NULL,
    -- Unique per email: a natural key when one exists (a notification's email), else random. The Message-ID
    -- header is built from it, so a repeated delivery after a crash carries the same Message-ID.
    dedup_key TEXT NOT NULL UNIQUE,
    recipient TEXT NOT NULL,
    locale TEXT NOT NULL,
    subject TEXT NOT NULL,
    body_text TEXT NOT NULL,
    body_html TEXT NOT NULL,
    -- PENDING, SENT, FAILED.
    status TEXT NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP NOT NULL,
    -- A sender that claimed the row owns it until then (lease); after that another may take it.
    claimed_until TIMESTAMP,
    claimed_by TEXT,
    last_error TEXT,
    created_at TIMESTAMP NOT NULL,
    sent_at TIMESTAMP,
    -- After this the sender stops retrying and marks the row FAILED (24 h; "retry now" gives it another day).
    expires_at TIMESTAMP NOT NULL
);
CREATE INDEX outbox_due_idx ON outbox (status, next_attempt_at);
CREATE INDEX outbox_created_idx ON outbox (created_at);
