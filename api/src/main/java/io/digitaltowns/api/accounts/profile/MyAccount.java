package io.digitaltowns.api.accounts.profile;

import io.digitaltowns.api.accounts.Role;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** What {@code GET /api/me} shows a user about their own account. */
public record MyAccount(
    UUID id,
    String email,
    String displayName,
    boolean emailVerified,
    Set<Role> roles,
    Instant createdAt) {}
