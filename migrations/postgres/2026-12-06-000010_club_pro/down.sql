UPDATE subscription_plans SET features = '["badge","priority_listing","statistics","unlimited_services"]' WHERE kind = 'CLUB_PRO';
DROP INDEX subscriptions_period_idx;
DROP INDEX subscriptions_live_idx;
ALTER TABLE payments DROP COLUMN invoice_number;
ALTER TABLE payments DROP COLUMN hosted_invoice_url;
