CREATE TABLE users (
  id             uuid PRIMARY KEY,
  email          text        NOT NULL,
  display_name   text        NOT NULL,
  password_hash  text,
  email_verified boolean     NOT NULL DEFAULT false,
  created_at     timestamptz NOT NULL
);

-- one account per address, whatever its case
CREATE UNIQUE INDEX users_email_unique ON users (lower(email));
