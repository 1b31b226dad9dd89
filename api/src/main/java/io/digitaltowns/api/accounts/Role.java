package io.digitaltowns.api.accounts;

/** What a user may do. Every account is a resident; the other roles are granted. */
public enum Role {
  RESIDENT,
  /** granted when the user creates a business */
  BUSINESS_OWNER,
  /** granted to every verified address listed in ADMIN_EMAILS */
  ADMIN
}
