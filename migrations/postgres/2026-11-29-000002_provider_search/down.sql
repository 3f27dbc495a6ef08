DROP INDEX IF EXISTS providers_search_gin_idx;
