package io.digitaltowns.api.accounts;

/** What a user may do. Every account is a resident; the other roles are granted. */
public enum Role {
  RESIDENT,
  /** granted when the user creates a business */
  BUSINESS_OWNER,
  /** granted to every proven address listed in ADMIN_EMAILS, and revoked when it leaves the list */
  ADMIN
}
