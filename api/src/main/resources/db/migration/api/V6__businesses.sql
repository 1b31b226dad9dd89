-- Business listings. A listing belongs to its owner: deleting the owner's account deletes it.
CREATE TABLE businesses (
  id               uuid             PRIMARY KEY,
  town_id          uuid             NOT NULL REFERENCES towns (id),
  owner_id         uuid             NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name             text             NOT NULL,
  category         text             NOT NULL,
  description      text             NOT NULL DEFAULT '',
  address          text,
  phone            text,
  website          text,
  latitude         double precision,
  longitude        double precision,
  status           text             NOT NULL CHECK (status IN ('DRAFT', 'IN_REVIEW', 'PUBLISHED', 'REJECTED', 'UNPUBLISHED')),
  rejection_reason text,
  -- set by billing while the business has an active subscription
  featured         boolean          NOT NULL DEFAULT false,
  created_at       timestamptz      NOT NULL DEFAULT now(),
  updated_at       timestamptz,
  -- the name weighs more than the description in the ranking
  search           tsvector GENERATED ALWAYS AS (
                     setweight(to_tsvector('english', name), 'A') ||
                     setweight(to_tsvector('english', description), 'B')) STORED
);
CREATE INDEX businesses_search ON businesses USING gin (search);
CREATE INDEX businesses_town_status ON businesses (town_id, status, category);
CREATE INDEX businesses_owner ON businesses (owner_id);

-- Opening hours per ISO weekday (1 = Monday). closes < opens means the period runs past midnight.
CREATE TABLE business_opening_hours (
  business_id uuid     NOT NULL REFERENCES businesses (id) ON DELETE CASCADE,
  weekday     smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  opens       time     NOT NULL,
  closes      time     NOT NULL,
  PRIMARY KEY (business_id, weekday, opens)
);
