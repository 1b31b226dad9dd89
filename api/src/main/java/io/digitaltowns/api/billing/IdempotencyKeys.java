package io.digitaltowns.api.billing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Idempotency keys for Stripe's create calls. Stripe answers a repeated key (within 24 hours) with
 * the first answer and refuses it with different parameters, so every parameter that matters goes
 * into the key's digest: the same request gives the same key, a different one a different key.
 */
public final class IdempotencyKeys {

  private IdempotencyKeys() {}

  /**
   * {@code <purpose>-<business id>-<32 hex of SHA-256 over the parts>}: short, and reveals none of
   * the parts.
   */
  public static String of(String purpose, UUID businessId, String... parts) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      for (String part : parts) {
        sha256.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) 0);
      }
      return "dt-"
          + purpose
          + "-"
          + businessId
          + "-"
          + HexFormat.of().formatHex(sha256.digest()).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
