DROP INDEX IF EXISTS providers_search_gin_idx;
ALTER TABLE providers DROP COLUMN IF EXISTS search_vector;
