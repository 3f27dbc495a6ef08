-- Full-text search over providers.search_text (already folded: lower case, accents and Arabic
-- diacritics removed). A stored tsvector (PostgreSQL only, not in schema.rs: the search function reads
-- it through SQL) with a GIN index; the 'simple' configuration keeps Arabic and French words as they are.
ALTER TABLE providers
    ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED;
CREATE INDEX providers_search_gin_idx ON providers USING GIN (search_vector);
