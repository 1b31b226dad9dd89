-- Photos of a business listing. The bytes live in the object store under object_key; a row is
-- PENDING from the moment an upload URL is handed out until the upload is confirmed (checked
-- size and real image type), then ATTACHED with a place in the listing's order.
-- Deleting the listing deletes its rows; the api deletes the objects after the commit.
CREATE TABLE business_photos (
  id           uuid        PRIMARY KEY,
  business_id  uuid        NOT NULL REFERENCES businesses (id) ON DELETE CASCADE,
  object_key   text        NOT NULL UNIQUE,
  content_type text        NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
  size_bytes   bigint      NOT NULL CHECK (size_bytes > 0),
  status       text        NOT NULL CHECK (status IN ('PENDING', 'ATTACHED')),
  -- 0-based place in the listing's order; only attached photos have one
  position     integer     CHECK (position >= 0),
  cover        boolean     NOT NULL DEFAULT false,
  -- when the upload URL of a pending photo expires; attached photos do not expire
  expires_at   timestamptz,
  created_at   timestamptz NOT NULL DEFAULT now(),
  attached_at  timestamptz,
  CHECK ((status = 'ATTACHED') = (position IS NOT NULL)),
  CHECK ((status = 'PENDING') = (expires_at IS NOT NULL)),
  CHECK (NOT cover OR status = 'ATTACHED'),
  -- reordering rewrites every position of a listing in one transaction
  CONSTRAINT business_photos_position UNIQUE (business_id, position) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX business_photos_business ON business_photos (business_id, status, position);
-- at most one cover per listing
CREATE UNIQUE INDEX business_photos_one_cover ON business_photos (business_id) WHERE cover;
