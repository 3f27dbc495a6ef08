DROP TRIGGER IF EXISTS providers_fts_update;
DROP TRIGGER IF EXISTS providers_fts_delete;
DROP TRIGGER IF EXISTS providers_fts_insert;
DROP TABLE IF EXISTS providers_fts;
