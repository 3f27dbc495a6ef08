-- Full-text search over providers.search_text (already folded: lower case, accents and Arabic
-- diacritics removed). The 'simple' configuration keeps Arabic and French words as they are.
CREATE INDEX providers_search_gin_idx ON providers USING GIN (to_tsvector('simple', search_text));
