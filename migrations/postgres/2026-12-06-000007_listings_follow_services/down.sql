DROP INDEX services_listed_idx;
DELETE FROM provider_listings;
INSERT INTO provider_listings (category_id, city_id, provider_id, is_verified, rating_avg, review_count, min_price_cents)
SELECT pc.category_id, pt.city_id, p.id, p.is_verified, p.rating_avg, p.review_count, p.min_price_cents
FROM providers p
JOIN provider_categories pc ON pc.provider_id = p.id
JOIN provider_cities pt ON pt.provider_id = p.id
WHERE p.status = 'APPROVED' AND p.removed_at IS NULL;
UPDATE providers SET search_tags = ARRAY(
    SELECT t FROM unnest(providers.search_tags) t WHERE t NOT LIKE 'K%'
    UNION SELECT 'K' || pc.category_id FROM provider_categories pc WHERE pc.provider_id = providers.id
    ORDER BY 1)
WHERE search_tags <> '{}';
