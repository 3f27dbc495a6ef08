-- Web push: the devices that receive push (one row per browser subscription), a push switch per topic, and
-- pushes going out through the same outbox as email (channel PUSH, one row per device).
CREATE TABLE push_subscriptions (
    id INTEGER PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    endpoint TEXT NOT NULL UNIQUE,
    p256dh TEXT NOT NULL,
    auth TEXT NOT NULL,
    -- "Chrome · Android", from the browser's user agent: how the settings page names the device.
    device TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    last_success_at TIMESTAMP
);
CREATE INDEX push_subscriptions_user_idx ON push_subscriptions (user_id);
ALTER TABLE notification_preferences ADD COLUMN push_enabled BOOLEAN NOT NULL DEFAULT 1;
ALTER TABLE outbox ADD COLUMN channel TEXT NOT NULL DEFAULT 'EMAIL' CHECK (channel IN ('EMAIL', 'PUSH'));
ALTER TABLE outbox ADD COLUMN push_subscription_id BIGINT REFERENCES push_subscriptions (id) ON DELETE CASCADE;
