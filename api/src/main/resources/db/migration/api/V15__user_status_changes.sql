-- Issue 18 (admin pages): why an admin suspended or reinstated a user. One row per change of the
-- suspended flag (suspending a suspended user changes nothing and writes nothing). The rows are the
-- user's data and go with the account; the admin's id is kept as a plain value, so an admin who
-- deletes their own account does not erase the moderation history of others.
CREATE TABLE user_status_changes (
  id         bigserial   PRIMARY KEY,
  user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  suspended  boolean     NOT NULL,
  reason     text        CHECK (char_length(reason) <= 1000),
  changed_by uuid        NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX user_status_changes_user ON user_status_changes (user_id, changed_at DESC);
