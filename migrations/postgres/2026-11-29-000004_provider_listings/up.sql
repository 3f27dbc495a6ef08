-- What a category-in-city page and search filtered by category and city read: one row per approved provider,
-- category and city served, with the columns they sort on. Kept in step by db::models::provider::refresh_listing
-- (profile, services, status and rating changes). A page of "plumbers in Casablanca" is one index range.
CREATE TABLE provider_listings (
    category_id BIGINT NOT NULL REFERENCES categories (id),
    city_id BIGINT NOT NULL REFERENCES cities (id),
    provider_id BIGINT NOT NULL REFERENCES providers (id) ON DELETE CASCADE,
    is_verified BOOLEAN NOT NULL,
    rating_avg DOUBLE PRECISION NOT NULL,
    review_count INTEGER NOT NULL,
    min_price_cents BIGINT,
    PRIMARY KEY (category_id, city_id, provider_id)
);
CREATE INDEX provider_listings_relevance_idx
    ON provider_listings (category_id, city_id, is_verified DESC, rating_avg DESC, review_count DESC, provider_id);
CREATE INDEX provider_listings_rating_idx
    ON provider_listings (category_id, city_id, rating_avg DESC, review_count DESC, provider_id);
CREATE INDEX provider_listings_provider_idx ON provider_listings (provider_id);

-- The price order of the search page (providers without a price last), walked in order.
CREATE INDEX providers_price_order_idx ON providers (status, (min_price_cents IS NULL), min_price_cents, rating_avg DESC, id);
-- What search filters and sorts on, by id: the full-text matches are checked and ordered from this index
-- without reading the wide provider rows.
CREATE INDEX providers_filter_idx
    ON providers (id, status, is_verified, rating_avg, review_count, min_price_cents, city_id);

INSERT INTO provider_listings (category_id, city_id, provider_id, is_verified, rating_avg, review_count, min_price_cents)
SELECT pc.category_id, pt.city_id, p.id, p.is_verified, p.rating_avg, p.review_count, p.min_price_cents
FROM providers p
JOIN provider_categories pc ON pc.provider_id = p.id
JOIN provider_cities pt ON pt.provider_id = p.id
WHERE p.status = 'APPROVED' AND p.removed_at IS NULL;
