package io.digitaltowns.api.accounts;

import java.util.UUID;

/** The public view of a freshly created account. */
public record RegisteredUser(UUID id, String email, String displayName, boolean emailVerified) {}
