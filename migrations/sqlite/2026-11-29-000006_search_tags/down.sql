DROP TRIGGER providers_fts_insert;
DROP TRIGGER providers_fts_delete;
DROP TRIGGER providers_fts_update;
DROP TABLE providers_fts;
ALTER TABLE providers DROP COLUMN search_tags;
CREATE VIRTUAL TABLE providers_fts USING fts5(
    search_text,
    content = 'providers',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO providers_fts (rowid, search_text) SELECT id, search_text FROM providers;
CREATE TRIGGER providers_fts_insert AFTER INSERT ON providers BEGIN
    INSERT INTO providers_fts (rowid, search_text) VALUES (new.id, new.search_text);
END;
CREATE TRIGGER providers_fts_delete AFTER DELETE ON providers BEGIN
    INSERT INTO providers_fts (providers_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
END;
CREATE TRIGGER providers_fts_update AFTER UPDATE OF search_text ON providers BEGIN
    INSERT INTO providers_fts (providers_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
    INSERT INTO providers_fts (rowid, search_text) VALUES (new.id, new.search_text);
END;
