package io.digitaltowns.api.accounts;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A name shown to other people and written into mails sent to them: one line of 1–60 visible
 * characters, with no link in it. Otherwise "SECURITY ALERT: confirm at http://…" on a line of its
 * own in someone's inbox reads as if the platform had written it.
 *
 * <p>Refused: control and format characters (line breaks, tabs, zero-width and bidi controls), line
 * and paragraph separators, private-use and unassigned code points; {@code http://}, {@code
 * https://}, any {@code scheme://}, {@code www.}; and anything shaped like a domain name — letters
 * or digits, a dot, and a top-level part of two or more letters with no space between ({@code
 * evil.com}, {@code paypal.com-security}). A dot followed by a space ({@code Dr. Who}, {@code J. R.
 * R. Tolkien}) is fine; {@code St.Mary} is not, the price of catching {@code evil.com}.
 */
public final class DisplayName {

  public static final int MAX_CODE_POINTS = 60;
  private static final Pattern LINK =
      Pattern.compile(
          "[a-z][a-z0-9+.-]*://|www\\.|[\\p{L}\\p{N}-]\\.\\p{L}{2,}",
          Pattern.UNICODE_CHARACTER_CLASS);

  private DisplayName() {}

  /**
   * @return the name without surrounding spaces
   * @throws InvalidDisplayNameException saying what is wrong, in words fit for the person
   */
  public static String parse(String input) {
    String reason = problemWith(input);
    if (reason != null) {
      throw new InvalidDisplayNameException(reason);
    }
    return input.strip();
  }

  /**
   * @return why the name is refused, or null when it is fine
   */
  static String problemWith(String input) {
    String name = input == null ? "" : input.strip();
    int length = name.codePointCount(0, name.length());
    if (length == 0 || length > MAX_CODE_POINTS) {
      return "must be between 1 and " + MAX_CODE_POINTS + " characters";
    }
    if (name.codePoints().anyMatch(DisplayName::invisibleOrLineBreaking)) {
      return "must be a single line of visible characters (no line breaks, tabs or invisible characters)";
    }
    if (LINK.matcher(name.toLowerCase(Locale.ROOT)).find()) {
      return "must not contain a web address or a domain name";
    }
    return null;
  }

  private static boolean invisibleOrLineBreaking(int codePoint) {
    return switch (Character.getType(codePoint)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR,
          Character.PRIVATE_USE,
          Character.SURROGATE,
          Character.UNASSIGNED ->
          true;
      default -> false;
    };
  }
}
