-- A provider is listed in a category where they have an active service (what a client can book), not in every
-- trade ticked on the profile: provider_listings, the K<id> search tags and the category filter read services
-- (see db::models::provider::LISTINGS_INSERT and db::search::TAGS_SQLITE).
CREATE INDEX services_listed_idx ON services (category_id, provider_id, is_active, deleted_at);
DELETE FROM provider_listings;
INSERT INTO provider_listings (category_id, city_id, provider_id, is_verified, rating_avg, review_count, min_price_cents)
SELECT DISTINCT s.category_id, pt.city_id, p.id, p.is_verified, p.rating_avg, p.review_count, p.min_price_cents
FROM providers p
JOIN services s ON s.provider_id = p.id AND s.is_active AND s.deleted_at IS NULL
JOIN provider_cities pt ON pt.provider_id = p.id
WHERE p.status = 'APPROVED' AND p.removed_at IS NULL;
-- The category tags come last in the tag text (" K3 K7").
UPDATE providers SET search_tags =
    CASE WHEN instr(search_tags, ' K') > 0 THEN substr(search_tags, 1, instr(search_tags, ' K') - 1) ELSE search_tags END
    || coalesce((SELECT group_concat(' K' || x.category_id, '') FROM (SELECT DISTINCT category_id FROM services
        WHERE provider_id = providers.id AND is_active AND deleted_at IS NULL) x), '')
WHERE search_tags <> '';
