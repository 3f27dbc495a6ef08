DROP INDEX providers_filter_idx;
DROP INDEX providers_price_order_idx;
DROP TABLE provider_listings;
