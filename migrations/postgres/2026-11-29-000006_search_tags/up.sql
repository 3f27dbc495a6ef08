-- Free-text search with a place and a sort tier answered by the GIN index alone (see db::search): each live,
-- approved provider's search_vector also holds upper-case tags that folded words can never match
-- (array_to_tsvector keeps them as they are): sort tiers V<verified 0|1>R<rating bucket>, R<rating bucket>
-- (half stars, 0–10) and P<price bucket>, each city served C<id> alone and before each tier (C1R9), each
-- category K<id>. A query "plomberie in Casablanca, best first" then reads only the matches of the first tier
-- from the heap instead of every match of the word.
ALTER TABLE providers ADD COLUMN search_tags text[] NOT NULL DEFAULT '{}';
DROP INDEX providers_search_gin_idx;
ALTER TABLE providers DROP COLUMN search_vector;
ALTER TABLE providers
    ADD COLUMN search_vector tsvector
    GENERATED ALWAYS AS (to_tsvector('simple', search_text) || array_to_tsvector(search_tags)) STORED;
CREATE INDEX providers_search_gin_idx ON providers USING GIN (search_vector);
-- The same expression as db::search::TAGS (frozen here for the rows that exist).
UPDATE providers SET search_tags = t.tags
FROM (SELECT p.id, CASE WHEN p.status = 'APPROVED' AND p.removed_at IS NULL THEN ARRAY(
    SELECT e.tag FROM (SELECT ARRAY[
    'V' || (CASE WHEN p.is_verified THEN 1 ELSE 0 END) || 'R' || LEAST(FLOOR(p.rating_avg * 2), 10)::int,
    'R' || LEAST(FLOOR(p.rating_avg * 2), 10)::int]
    || CASE WHEN p.min_price_cents IS NULL THEN ARRAY[]::text[] ELSE ARRAY['P' || CASE
    WHEN p.min_price_cents <= 10000 THEN 0 WHEN p.min_price_cents <= 15000 THEN 1
    WHEN p.min_price_cents <= 20000 THEN 2 WHEN p.min_price_cents <= 30000 THEN 3
    WHEN p.min_price_cents <= 50000 THEN 4 WHEN p.min_price_cents <= 100000 THEN 5 ELSE 6 END] END
    AS sort) s,
    LATERAL (SELECT unnest(s.sort)
    UNION ALL SELECT 'C' || x.city_id || u FROM provider_cities x, unnest(ARRAY[''] || s.sort) u
    WHERE x.provider_id = p.id
    UNION ALL SELECT 'K' || x.category_id FROM provider_categories x WHERE x.provider_id = p.id) AS e(tag)
    ORDER BY 1)
    ELSE ARRAY[]::text[] END AS tags FROM providers p) t
WHERE providers.id = t.id;
