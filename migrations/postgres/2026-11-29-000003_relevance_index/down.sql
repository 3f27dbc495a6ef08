DROP INDEX IF EXISTS providers_relevance_idx;
