DELETE FROM outbox WHERE channel = 'PUSH';
ALTER TABLE outbox DROP COLUMN push_subscription_id;
ALTER TABLE outbox DROP COLUMN channel;
ALTER TABLE notification_preferences DROP COLUMN push_enabled;
DROP TABLE push_subscriptions;
