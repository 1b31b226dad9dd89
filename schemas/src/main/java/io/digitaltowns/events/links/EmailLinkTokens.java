package io.digitaltowns.events.links;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The token in an emailed link (verify my address, reset my password) is derived from the id of the
 * event that asked for the mail, with a key only the api and the email consumer hold. So the event
 * on Kafka carries nothing that opens an account, yet the consumer can build the link and the api
 * can recognise it (it stores only a hash, with an expiry, and accepts it once).
 */
public final class EmailLinkTokens {

  /** What a link is for; part of the MAC input, so a verification token never resets a password. */
  public enum Purpose {
    VERIFY_EMAIL,
    RESET_PASSWORD
  }

  private static final int MIN_SECRET_BYTES = 32;

  private final SecretKeySpec key;

  public EmailLinkTokens(String secret) {
    if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException(
          "the email link secret must be at least " + MIN_SECRET_BYTES + " bytes");
    }
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  public String tokenFor(Purpose purpose, String eventId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] digest =
          mac.doFinal((purpose.name() + ":" + eventId).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
