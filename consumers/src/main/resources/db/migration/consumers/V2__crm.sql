-- The crm-sync consumer's own state. Only ids: no names or addresses are kept here.

-- Which HubSpot contact a DigitalTowns user became.
CREATE TABLE consumers.crm_contacts (
  user_id            text        PRIMARY KEY,
  hubspot_contact_id text        NOT NULL,
  synced_at          timestamptz NOT NULL
);

-- Which HubSpot company a DigitalTowns business became.
CREATE TABLE consumers.crm_companies (
  business_id        text        PRIMARY KEY,
  hubspot_company_id text        NOT NULL,
  synced_at          timestamptz NOT NULL
);

-- Users who deleted their account (GDPR erasure): their contact was removed from HubSpot, and no
-- later or replayed event may bring it back.
CREATE TABLE consumers.crm_erased_users (
  user_id   text        PRIMARY KEY,
  erased_at timestamptz NOT NULL
);
