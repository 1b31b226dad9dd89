package io.digitaltowns.api.accounts.tokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Tokens we hand out (refresh tokens, emailed link tokens) are stored only as SHA-256: they are
 * long random values, so a fast hash suffices, and a database leak does not open sessions.
 */
public final class TokenHash {

  private TokenHash() {}

  public static String of(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
