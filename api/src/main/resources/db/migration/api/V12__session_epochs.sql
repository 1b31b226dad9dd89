-- Every access token carries the session epoch its user had when it was issued; bumping the epoch
-- (sign out everywhere, password change or reset, suspension, proof of the address) refuses every
-- earlier access token at its next request, instead of when it expires.
ALTER TABLE users ADD COLUMN session_epoch bigint NOT NULL DEFAULT 0;

-- When the sign-in that started a refresh-token family happened: a family ends at an absolute
-- lifetime from it, however often its tokens are rotated.
ALTER TABLE refresh_tokens ADD COLUMN session_started_at timestamptz;
UPDATE refresh_tokens t SET session_started_at = f.started
FROM (SELECT family_id, min(issued_at) AS started FROM refresh_tokens GROUP BY family_id) f
WHERE t.family_id = f.family_id;
ALTER TABLE refresh_tokens ALTER COLUMN session_started_at SET NOT NULL;
