-- Billing with Stripe. Money and subscription state are written only from verified Stripe webhook events.

-- A business's side of Stripe: its customer (created on the first checkout, reused after) and the state of its
-- subscription as the verified events tell it. Deleting the business deletes the row (not the Stripe customer).
CREATE TABLE business_billing (
  business_id        uuid        PRIMARY KEY REFERENCES businesses (id) ON DELETE CASCADE,
  stripe_customer_id text        NOT NULL UNIQUE,
  subscription_id    text        UNIQUE,
  -- Stripe's subscription status as is (incomplete, incomplete_expired, trialing, active, past_due, canceled,
  -- unpaid, paused); null before the first subscription. No CHECK: Stripe may add statuses.
  status             text,
  current_period_end timestamptz,
  -- when a canceled subscription stops (cancel at period end); null when none is scheduled
  cancel_at          timestamptz,
  -- Stripe's time of the newest state applied (event created / object timestamp), so that an older event arriving
  -- late does not overwrite a newer state
  state_as_of        timestamptz,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now()
);

-- Every verified Stripe event, raw and once: Stripe retries and duplicates deliveries, the id makes them no-ops.
CREATE TABLE stripe_events (
  id              text        PRIMARY KEY,   -- Stripe's event id (evt_...)
  type            text        NOT NULL,      -- e.g. customer.subscription.updated; any type, known or not
  created         timestamptz NOT NULL,      -- when Stripe created the event (not the order of delivery)
  livemode        boolean     NOT NULL,
  api_version     text,                      -- the Stripe API version the payload is rendered in
  object_type     text,                      -- data.object.object
  object_id       text,                      -- data.object.id (null for objects without one)
  subscription_id text,                      -- the subscription the object is or names
  customer_id     text,                      -- the customer the object is or names
  payload         text        NOT NULL,      -- the body exactly as Stripe signed it (text, not jsonb: byte for byte)
  received_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX stripe_events_subscription ON stripe_events (subscription_id, created) WHERE subscription_id IS NOT NULL;
CREATE INDEX stripe_events_customer ON stripe_events (customer_id, created) WHERE customer_id IS NOT NULL;
CREATE INDEX stripe_events_received_at ON stripe_events (received_at);
