-- Club Pro through Stripe: the invoice's hosted page and number on each payment, and at most one live
-- subscription (waiting for Checkout, active or past due) per person, enforced by the database so that two
-- simultaneous "subscribe" clicks cannot both go to Checkout.
ALTER TABLE payments ADD COLUMN hosted_invoice_url TEXT;
ALTER TABLE payments ADD COLUMN invoice_number TEXT;
CREATE UNIQUE INDEX subscriptions_live_idx ON subscriptions (user_id) WHERE status IN ('PENDING', 'ACTIVE', 'PAST_DUE');
CREATE INDEX subscriptions_period_idx ON subscriptions (status, current_period_end);
-- What Club Pro gives, as built: the badge (cards, page, JSON-LD), turns in the featured strip of
-- category-in-city pages, first place within one's rating tier there, and one's statistics as CSV. The pages list the benefits from here.
UPDATE subscription_plans SET features = '["badge","featured","ranking","statistics_csv"]' WHERE kind = 'CLUB_PRO';
-- Club Pro members come first within their rating tier (half stars, as the search tags) on category-in-city
-- pages: the listings carry the tier and membership (live subscription: active or past due), and the two sort
-- indexes walk them in that order.
ALTER TABLE provider_listings ADD COLUMN rating_tier INTEGER NOT NULL DEFAULT 0;
ALTER TABLE provider_listings ADD COLUMN club_pro BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE provider_listings SET rating_tier = min(CAST(rating_avg * 2 AS INTEGER), 10);
UPDATE provider_listings SET club_pro = TRUE WHERE provider_id IN (SELECT p.id FROM providers p JOIN subscriptions s
    ON s.user_id = p.user_id WHERE s.status IN ('ACTIVE', 'PAST_DUE'));
DROP INDEX provider_listings_relevance_idx;
DROP INDEX provider_listings_rating_idx;
CREATE INDEX provider_listings_relevance_idx ON provider_listings
    (category_id, city_id, is_verified DESC, rating_tier DESC, club_pro DESC, rating_avg DESC, review_count DESC, provider_id);
CREATE INDEX provider_listings_rating_idx ON provider_listings
    (category_id, city_id, rating_tier DESC, club_pro DESC, rating_avg DESC, review_count DESC, provider_id);
