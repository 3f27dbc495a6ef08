-- A provider is listed in a category where they have an active service (what a client can book), not in every
-- trade ticked on the profile: provider_listings, the K<id> search tags and the category filter read services
-- (see db::models::provider::LISTINGS_INSERT and db::search::TAGS_PG).
CREATE INDEX services_listed_idx ON services (category_id, provider_id, is_active, deleted_at);
DELETE FROM provider_listings;
INSERT INTO provider_listings (category_id, city_id, provider_id, is_verified, rating_avg, review_count, min_price_cents)
SELECT DISTINCT s.category_id, pt.city_id, p.id, p.is_verified, p.rating_avg, p.review_count, p.min_price_cents
FROM providers p
JOIN services s ON s.provider_id = p.id AND s.is_active AND s.deleted_at IS NULL
JOIN provider_cities pt ON pt.provider_id = p.id
WHERE p.status = 'APPROVED' AND p.removed_at IS NULL;
UPDATE providers SET search_tags = ARRAY(
    SELECT t FROM unnest(providers.search_tags) t WHERE t NOT LIKE 'K%'
    UNION SELECT 'K' || s.category_id FROM services s
    WHERE s.provider_id = providers.id AND s.is_active AND s.deleted_at IS NULL
    ORDER BY 1)
WHERE search_tags <> '{}';
