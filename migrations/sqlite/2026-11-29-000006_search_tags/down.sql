-- PostgreSQL only (search tags in its tsvector, see db::search); SQLite's FTS5 search is unchanged.
SELECT 1;
