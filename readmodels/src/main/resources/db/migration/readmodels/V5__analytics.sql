-- The analytics sink's copy of the compacted dt.analytics.* topics: one row per topic and key, holding the
-- latest value. The api's admin endpoint reads it; analysts may too (figures is the Avro value as JSON).
CREATE TABLE consumers.analytics_figures (
  topic      text        NOT NULL, -- dt.analytics.signups-daily, ...
  record_key text        NOT NULL, -- the Avro key as JSON, e.g. {"townId":"all","dayUtc":"2026-11-02"}
  day_utc    date,                 -- the value's dayUtc (a UTC day); null for dt.analytics.listings
  figures    jsonb       NOT NULL, -- the Avro value as JSON, field names as in the schema
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (topic, record_key)
);

CREATE INDEX analytics_figures_by_day ON consumers.analytics_figures (topic, day_utc);
