-- The default search order (verified first, then rating): walked in order, so a page of 20 needs no sort.
CREATE INDEX providers_relevance_idx ON providers (status, is_verified DESC, rating_avg DESC, review_count DESC, id);
