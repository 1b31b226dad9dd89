package io.digitaltowns.platform.diagnostics;

/**
 * What a third party (Stripe, HubSpot, an OAuth provider, Cloudflare) said, reduced to something
 * safe to log: an error code, category, parameter name or request id from its answer, kept to
 * {@code [A-Za-z0-9_.-]} and {@value #MAX_LENGTH} characters. Whatever else the answer carried is
 * replaced by {@code _}: the provider (or whoever stands in for it, or the person who typed a
 * parameter it echoes) must not be able to start a forged line in a plain-text log with a line
 * break, nor fill it.
 */
public final class ProviderCode {

  public static final int MAX_LENGTH = 64;

  private ProviderCode() {}

  /**
   * @return the code as it may be logged; {@code -} for none
   */
  public static String of(Object raw) {
    if (raw == null) {
      return "-";
    }
    String text = raw.toString();
    if (text.isEmpty()) {
      return "-";
    }
    StringBuilder safe = new StringBuilder(Math.min(text.length(), MAX_LENGTH));
    for (int i = 0; i < text.length() && safe.length() < MAX_LENGTH; i++) {
      char c = text.charAt(i);
      boolean allowed =
          c >= 'a' && c <= 'z'
              || c >= 'A' && c <= 'Z'
              || c >= '0' && c <= '9'
              || c == '_'
              || c == '.'
              || c == '-';
      safe.append(allowed ? c : '_');
    }
    return safe.toString();
  }
}
