CREATE TABLE towns (
  id         uuid PRIMARY KEY,
  slug       text        NOT NULL UNIQUE,
  name       text        NOT NULL,
  region     text,
  timezone   text        NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
