package io.digitaltowns.api.accounts.admin;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A user as admins see them in the list. */
record UserSummary(UUID id, String email, String displayName, boolean emailVerified, boolean suspended,
                   List<String> roles, Instant createdAt) {

  record Page(List<UserSummary> items, int page, int size, long total) {
  }
}
