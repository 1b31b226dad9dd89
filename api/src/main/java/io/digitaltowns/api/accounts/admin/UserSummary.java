package io.digitaltowns.api.accounts.admin;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A user as admins see them in the list.
 *
 * @param signInMethods how they can sign in: {@code password} when they have one, and each linked
 *     provider ({@code google}, {@code facebook}), in that order
 */
public record UserSummary(
    UUID id,
    String email,
    String displayName,
    boolean emailVerified,
    boolean suspended,
    List<String> roles,
    Instant createdAt,
    List<String> signInMethods) {

  public record Page(List<UserSummary> items, int page, int size, long total) {

    public boolean hasNext() {
      return (long) (page + 1) * size < total;
    }
  }

  /**
   * One suspension or reinstatement, with the admin's reason (null when given through the JSON
   * API).
   */
  public record StatusChange(
      boolean suspended, String reason, UUID changedBy, String changedByName, Instant changedAt) {}
}
