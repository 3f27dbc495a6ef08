-- Search tags (see db::search and the PostgreSQL migration): a second column of the full-text table holds each
-- live, approved provider's tags (sort tiers V<verified>R<rating bucket>, R<bucket>, P<price bucket>, each city
-- served C<id> alone and before each tier, each category K<id>); the words are looked for in the first only.
ALTER TABLE providers ADD COLUMN search_tags TEXT NOT NULL DEFAULT '';
DROP TRIGGER providers_fts_insert;
DROP TRIGGER providers_fts_delete;
DROP TRIGGER providers_fts_update;
DROP TABLE providers_fts;
-- The same expression as db::search::TAGS_SQLITE (frozen here for the rows that exist).
UPDATE providers SET search_tags = t.tags
FROM (SELECT p.id, CASE WHEN p.status = 'APPROVED' AND p.removed_at IS NULL THEN (
    SELECT s.sort
    || coalesce((SELECT group_concat(' C' || x.city_id || ' C' || x.city_id || replace(s.sort, ' ', ' C' || x.city_id), '')
    FROM provider_cities x WHERE x.provider_id = p.id), '')
    || coalesce((SELECT group_concat(' K' || x.category_id, '') FROM provider_categories x
    WHERE x.provider_id = p.id), '')
    FROM (SELECT 'V' || p.is_verified || 'R' || min(CAST(p.rating_avg * 2 AS INTEGER), 10)
    || ' R' || min(CAST(p.rating_avg * 2 AS INTEGER), 10)
    || CASE WHEN p.min_price_cents IS NULL THEN '' ELSE ' P' || CASE
    WHEN p.min_price_cents <= 10000 THEN 0 WHEN p.min_price_cents <= 15000 THEN 1
    WHEN p.min_price_cents <= 20000 THEN 2 WHEN p.min_price_cents <= 30000 THEN 3
    WHEN p.min_price_cents <= 50000 THEN 4 WHEN p.min_price_cents <= 100000 THEN 5 ELSE 6 END END
    AS sort) s)
    ELSE '' END AS tags FROM providers p) t
WHERE providers.id = t.id;
CREATE VIRTUAL TABLE providers_fts USING fts5(
    search_text,
    search_tags,
    content = 'providers',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO providers_fts (rowid, search_text, search_tags) SELECT id, search_text, search_tags FROM providers;
CREATE TRIGGER providers_fts_insert AFTER INSERT ON providers BEGIN
    INSERT INTO providers_fts (rowid, search_text, search_tags) VALUES (new.id, new.search_text, new.search_tags);
END;
CREATE TRIGGER providers_fts_delete AFTER DELETE ON providers BEGIN
    INSERT INTO providers_fts (providers_fts, rowid, search_text, search_tags)
        VALUES ('delete', old.id, old.search_text, old.search_tags);
END;
CREATE TRIGGER providers_fts_update AFTER UPDATE OF search_text, search_tags ON providers BEGIN
    INSERT INTO providers_fts (providers_fts, rowid, search_text, search_tags)
        VALUES ('delete', old.id, old.search_text, old.search_tags);
    INSERT INTO providers_fts (rowid, search_text, search_tags) VALUES (new.id, new.search_text, new.search_tags);
END;
