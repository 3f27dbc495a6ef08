DROP INDEX provider_listings_relevance_idx;
DROP INDEX provider_listings_rating_idx;
ALTER TABLE provider_listings DROP COLUMN club_pro;
ALTER TABLE provider_listings DROP COLUMN rating_tier;
CREATE INDEX provider_listings_relevance_idx
    ON provider_listings (category_id, city_id, is_verified DESC, rating_avg DESC, review_count DESC, provider_id);
CREATE INDEX provider_listings_rating_idx
    ON provider_listings (category_id, city_id, rating_avg DESC, review_count DESC, provider_id);
UPDATE subscription_plans SET features = '["badge","priority_listing","statistics","unlimited_services"]' WHERE kind = 'CLUB_PRO';
DROP INDEX subscriptions_period_idx;
DROP INDEX subscriptions_live_idx;
ALTER TABLE payments DROP COLUMN invoice_number;
ALTER TABLE payments DROP COLUMN hosted_invoice_url;
