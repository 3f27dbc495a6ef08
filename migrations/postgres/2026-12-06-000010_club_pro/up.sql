-- Club Pro through Stripe: the invoice's hosted page and number on each payment, and at most one live
-- subscription (waiting for Checkout, active or past due) per person, enforced by the database so that two
-- simultaneous "subscribe" clicks cannot both go to Checkout.
ALTER TABLE payments ADD COLUMN hosted_invoice_url TEXT;
ALTER TABLE payments ADD COLUMN invoice_number TEXT;
CREATE UNIQUE INDEX subscriptions_live_idx ON subscriptions (user_id) WHERE status IN ('PENDING', 'ACTIVE', 'PAST_DUE');
CREATE INDEX subscriptions_period_idx ON subscriptions (status, current_period_end);
-- What Club Pro gives, as built: the badge (cards, page, JSON-LD), turns in the featured strip of
-- category-in-city pages, and one's statistics as CSV. The pages list the benefits from here.
UPDATE subscription_plans SET features = '["badge","featured","statistics_csv"]' WHERE kind = 'CLUB_PRO';
