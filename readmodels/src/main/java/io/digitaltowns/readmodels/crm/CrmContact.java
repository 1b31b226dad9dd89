package io.digitaltowns.readmodels.crm;

import java.time.Instant;

/** A contact of the CRM (a user). */
public record CrmContact(
    String id,
    String email,
    String displayName,
    String signupMethod,
    boolean emailVerified,
    boolean suspended,
    Instant registeredAt) {}
