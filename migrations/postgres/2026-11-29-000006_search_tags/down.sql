DROP INDEX providers_search_gin_idx;
ALTER TABLE providers DROP COLUMN search_vector;
ALTER TABLE providers DROP COLUMN search_tags;
ALTER TABLE providers
    ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED;
CREATE INDEX providers_search_gin_idx ON providers USING GIN (search_vector);
