-- A resident asked a business for a live video call (Cloudflare Calls): the room both join, and the Calls session
-- each side last opened in it (null until they join).
CREATE TABLE business_calls (
  id               uuid PRIMARY KEY,
  business_id      uuid        NOT NULL REFERENCES businesses (id) ON DELETE CASCADE,
  resident_id      uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at       timestamptz NOT NULL,
  resident_session text,
  owner_session    text
);
CREATE INDEX business_calls_business ON business_calls (business_id);
CREATE INDEX business_calls_resident ON business_calls (resident_id);
