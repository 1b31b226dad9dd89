-- Accounts grow sign-in: roles, suspension, refresh-token families, emailed link tokens and
-- linked OAuth identities. Every table that holds a user's data cascades from users, so deleting
-- the account erases it.

ALTER TABLE users ADD COLUMN suspended boolean NOT NULL DEFAULT false;
ALTER TABLE users ADD COLUMN updated_at timestamptz;

CREATE TABLE user_roles (
  user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role       text        NOT NULL CHECK (role IN ('RESIDENT', 'BUSINESS_OWNER', 'ADMIN')),
  granted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, role)
);
INSERT INTO user_roles (user_id, role) SELECT id, 'RESIDENT' FROM users;

-- Only a hash of each refresh token is kept. A token is used once: refreshing replaces it with
-- a new one of the same family; presenting a replaced token again revokes the whole family.
CREATE TABLE refresh_tokens (
  id          uuid        PRIMARY KEY,
  family_id   uuid        NOT NULL,
  user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  token_hash  text        NOT NULL UNIQUE,
  issued_at   timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL,
  replaced_at timestamptz,
  revoked_at  timestamptz
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id);

-- Hashes of the tokens in emailed links (verify address, reset password): single use, expiring.
CREATE TABLE email_link_tokens (
  token_hash text        PRIMARY KEY,
  user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  purpose    text        NOT NULL CHECK (purpose IN ('VERIFY_EMAIL', 'RESET_PASSWORD')),
  expires_at timestamptz NOT NULL,
  used_at    timestamptz
);
CREATE INDEX email_link_tokens_user ON email_link_tokens (user_id);

-- Accounts signed in through Google or Facebook: one row per provider identity.
CREATE TABLE user_identities (
  provider  text        NOT NULL,
  subject   text        NOT NULL,
  user_id   uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  linked_at timestamptz NOT NULL,
  PRIMARY KEY (provider, subject)
);
CREATE INDEX user_identities_user ON user_identities (user_id);
