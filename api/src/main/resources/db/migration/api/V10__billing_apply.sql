-- Applying the stored Stripe events to the subscription state (package billing.apply). Stripe's truth wins: every
-- event is applied once, a subscription snapshot older than the stored state changes nothing, and each domain event
-- on dt.billing.events is emitted once per real transition, whatever the order or number of deliveries.

-- The Stripe events already applied: a redelivery (or a second poller racing the first) finds its id here and does
-- nothing. No foreign key to stripe_events: the ledger also applies snapshots fetched from Stripe.
CREATE TABLE applied_stripe_events (
  event_id    text        PRIMARY KEY,
  type        text        NOT NULL,
  business_id uuid,                       -- the business it applied to; null when no business was found
  outcome     text        NOT NULL,       -- applied, stale (older than the stored state), ignored, no_business
  applied_at  timestamptz NOT NULL DEFAULT now()
);

-- One row per Stripe subscription a business ever had: its newest known state and which domain events it has had.
-- business_billing mirrors the business's current subscription.
CREATE TABLE billing_subscriptions (
  subscription_id    text        PRIMARY KEY,
  business_id        uuid        NOT NULL REFERENCES businesses (id) ON DELETE CASCADE,
  customer_id        text        NOT NULL,
  status             text,
  current_period_end timestamptz,
  cancel_at          timestamptz,
  cancel_requested   boolean     NOT NULL DEFAULT false,
  past_due_since     timestamptz,                 -- Stripe time the subscription became past_due; null otherwise
  state_as_of        timestamptz,                 -- Stripe time of the stored snapshot (event created / fetch time)
  -- when each once-per-subscription domain event was written to the outbox; null while it has not been
  activated_at       timestamptz,
  canceled_at        timestamptz,
  ended_at           timestamptz,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX billing_subscriptions_business ON billing_subscriptions (business_id);
CREATE INDEX billing_subscriptions_past_due ON billing_subscriptions (past_due_since) WHERE status = 'past_due';

-- Invoices seen paid (one SubscriptionActivated / SubscriptionRenewed per invoice, never two) and payment attempts
-- seen failed (one PaymentFailed per invoice and attempt).
CREATE TABLE billing_invoice_payments (
  invoice_id      text        NOT NULL,
  attempt         integer     NOT NULL,     -- 0 for the payment, else the failed attempt_count
  subscription_id text        NOT NULL,
  business_id     uuid        NOT NULL REFERENCES businesses (id) ON DELETE CASCADE,
  outcome         text        NOT NULL CHECK (outcome IN ('paid', 'failed')),
  billing_reason  text,
  amount          bigint      NOT NULL,
  currency        text        NOT NULL,
  period_end      timestamptz,
  stripe_event_id text,
  recorded_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (invoice_id, outcome, attempt)
);
CREATE INDEX billing_invoice_payments_subscription ON billing_invoice_payments (subscription_id);
