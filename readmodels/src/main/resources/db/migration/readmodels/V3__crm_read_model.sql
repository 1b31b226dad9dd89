-- The crm consumer group's read model: what admins see in the CRM service (api, SERVICE_ROLE=crm).
-- Built only from events, so it can be dropped and rebuilt by replaying the topics into a fresh group.
-- Distinct from crm_contacts / crm_companies, which map ids to HubSpot for the crm-sync group.

-- Contacts: the users.
CREATE TABLE consumers.crm_view_contacts (
  user_id        text        PRIMARY KEY,
  email          text        NOT NULL,
  display_name   text        NOT NULL,
  signup_method  text        NOT NULL,
  email_verified boolean     NOT NULL DEFAULT false,
  suspended      boolean     NOT NULL DEFAULT false,
  registered_at  timestamptz NOT NULL,
  updated_at     timestamptz NOT NULL
);
CREATE INDEX crm_view_contacts_search ON consumers.crm_view_contacts (lower(email), lower(display_name));

-- Companies: the businesses, with their owner (copied from the events, so the CRM needs no join into the api's tables).
CREATE TABLE consumers.crm_view_companies (
  business_id   text        PRIMARY KEY,
  town_id       text,
  name          text        NOT NULL,
  category      text,
  status        text        NOT NULL,
  owner_id      text,
  owner_name    text,
  owner_email   text,
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL
);
CREATE INDEX crm_view_companies_owner ON consumers.crm_view_companies (owner_id);
CREATE INDEX crm_view_companies_updated ON consumers.crm_view_companies (updated_at DESC);

-- Deals: one per Stripe subscription of a business, its state and the revenue it brought.
CREATE TABLE consumers.crm_view_deals (
  subscription_id    text        PRIMARY KEY,
  business_id        text        NOT NULL,
  customer_id        text        NOT NULL,
  status             text        NOT NULL,
  current_period_end timestamptz,
  cancel_at          timestamptz,
  revenue_minor      bigint      NOT NULL DEFAULT 0,
  currency           text,
  started_at         timestamptz NOT NULL,
  ended_at           timestamptz,
  updated_at         timestamptz NOT NULL
);
CREATE INDEX crm_view_deals_business ON consumers.crm_view_deals (business_id);

-- Activities: the timeline. One row per event (event id = primary key: a replay adds nothing);
-- seq orders rows that happened in the same millisecond in the order they were projected.
CREATE TABLE consumers.crm_view_activities (
  event_id     text        PRIMARY KEY,
  seq          bigserial   NOT NULL,
  business_id  text,
  user_id      text,
  kind         text        NOT NULL,
  occurred_at  timestamptz NOT NULL,
  summary      text        NOT NULL,
  actor_id     text,
  actor_name   text,
  detail       text,
  amount_minor bigint,
  currency     text,
  reference_id text
);
CREATE INDEX crm_view_activities_business ON consumers.crm_view_activities (business_id, occurred_at, seq);
CREATE INDEX crm_view_activities_user ON consumers.crm_view_activities (user_id, occurred_at, seq);

-- Users who deleted their account: a late or replayed event never writes their personal data back.
CREATE TABLE consumers.crm_view_erased_users (
  user_id   text        PRIMARY KEY,
  erased_at timestamptz NOT NULL
);
