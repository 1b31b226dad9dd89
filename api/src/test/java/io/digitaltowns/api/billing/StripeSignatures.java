package io.digitaltowns.api.billing;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a payload the way Stripe documents it (https://docs.stripe.com/webhooks#verify-manually):
 * {@code Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<payload>" keyed with the
 * endpoint secret>}. Written out here rather than taken from stripe-java, so the test does not
 * trust the code it checks.
 */
public final class StripeSignatures {

  private StripeSignatures() {}

  public static String header(String payload, String secret, long unixSeconds) {
    return "t=" + unixSeconds + ",v1=" + hmac(unixSeconds + "." + payload, secret);
  }

  public static String header(String payload, long unixSeconds) {
    return header(payload, StripeStub.WEBHOOK_SECRET, unixSeconds);
  }

  private static String hmac(String message, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
