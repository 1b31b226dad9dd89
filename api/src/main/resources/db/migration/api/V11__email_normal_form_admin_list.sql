-- Issue 16, findings 1 and 3.
--
-- One normal form per address (io.digitaltowns.api.accounts.EmailAddress): ASCII local part, the
-- domain as its IDN A-label, lower case; stored and compared exactly from now on. Rows written
-- before were lower-cased by Java's toLowerCase(Locale.ROOT), so an ASCII row is lower-cased here
-- (a no-op for almost all). A row holding non-ASCII (a look-alike such as ops-admın@dıgıtaltowns.org,
-- or an internationalised domain typed in Unicode) is left as it is: no normal address equals it,
-- so nobody can sign in, reset or be promoted through it, and its ADMIN is revoked at startup (below).
UPDATE users SET email = lower(email) WHERE email ~ '^[!-~]+$' AND email <> lower(email);

-- exact look-ups (WHERE email = :email); users_email_unique on lower(email) stays, it is equivalent on normal forms
CREATE UNIQUE INDEX users_email_exact ON users (email);

-- No CHECK constraint on the form: the code writes only normal forms (EmailAddress), and a check would
-- make a snapshot holding one of the older rows above impossible to restore.

-- Whether a role came from ADMIN_EMAILS: such an ADMIN is taken away when its address leaves the
-- list. Until now ADMIN_EMAILS was the only way to ADMIN, so every ADMIN held today came from it.
ALTER TABLE user_roles ADD COLUMN from_admin_list boolean NOT NULL DEFAULT false;
UPDATE user_roles SET from_admin_list = true WHERE role = 'ADMIN';

-- A provider identity linked on an address the provider did not vouch for (Facebook's): it stops
-- working once someone proves the address by our mail, so the prover is the account's sole holder.
ALTER TABLE user_identities ADD COLUMN address_unproven boolean NOT NULL DEFAULT false;
