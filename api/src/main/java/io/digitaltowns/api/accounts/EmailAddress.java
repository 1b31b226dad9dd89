package io.digitaltowns.api.accounts;

import java.lang.Character.UnicodeScript;
import java.net.IDN;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An email address in its one normal form: an ASCII dot-atom local part and a domain written as its
 * IDN A-label ({@code xn--…}), both in lower case. It is made once, where an address enters (a
 * request, a provider's answer, ADMIN_EMAILS), and from then on stored and compared exactly.
 *
 * <p>Why so strict: under {@code equalsIgnoreCase} a dotless {@code ı} equals {@code i} and a long
 * {@code ſ} equals {@code s}, so a look-alike of a listed admin was made admin; and mail libraries
 * cut non-ASCII characters to bytes, so its mail reached yet another address. Here a local part is
 * ASCII or refused, and a domain is accepted only when IDN rules leave it as it was typed (no
 * full-width letters, Kelvin signs, long s, zero-width or combining characters folded away) and
 * each of its labels is written in one script (no Cyrillic {@code о} inside a Latin name). A
 * genuine internationalised domain ({@code bücher.de}) is kept, as its A-label, which is also how
 * it is shown, so it cannot pass for an ASCII one.
 */
public final class EmailAddress {

  /** RFC 5321 §4.5.3.1: 64 octets of local part; a path of 256 octets leaves 254 for the address */
  private static final int MAX_LOCAL_PART = 64;

  private static final int MAX_ADDRESS = 254;
  private static final int MAX_DOMAIN = 253;

  /** RFC 5322 atext: what a dot-atom local part may hold besides letters, digits and dots */
  private static final String ATEXT_SPECIALS = "!#$%&'*+-/=?^_`{|}~";

  /**
   * scripts that are written together (UTS #39 "highly restrictive"); any other mix is a look-alike
   */
  private static final List<Set<UnicodeScript>> SCRIPT_MIXES =
      List.of(
          EnumSet.of(
              UnicodeScript.LATIN,
              UnicodeScript.HAN,
              UnicodeScript.HIRAGANA,
              UnicodeScript.KATAKANA),
          EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.BOPOMOFO),
          EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.HANGUL));

  private final String value;

  private EmailAddress(String value) {
    this.value = value;
  }

  /**
   * @param input an address as a person or a provider wrote it (surrounding spaces are ignored)
   * @throws InvalidEmailAddressException saying what is wrong with it, in words fit for the person
   */
  public static EmailAddress parse(String input) {
    if (input == null || input.isBlank()) {
      throw new InvalidEmailAddressException("must not be empty");
    }
    String address = input.strip();
    int at = address.lastIndexOf('@');
    if (at <= 0 || at == address.length() - 1) {
      throw new InvalidEmailAddressException("must be of the form name@domain");
    }
    String local = localPart(address.substring(0, at));
    String domain = domain(address.substring(at + 1));
    String normal = local + "@" + domain;
    if (normal.length() > MAX_ADDRESS) {
      throw new InvalidEmailAddressException("must be at most " + MAX_ADDRESS + " characters long");
    }
    return new EmailAddress(normal);
  }

  /**
   * An address read back from storage or configuration that must already be in normal form.
   *
   * @return empty when the stored text is not exactly its own normal form (a row written before
   *     addresses were normalised, such as a look-alike) and so matches no normal address
   */
  public static Optional<EmailAddress> ofStored(String stored) {
    try {
      EmailAddress address = parse(stored);
      return address.value.equals(stored) ? Optional.of(address) : Optional.empty();
    } catch (InvalidEmailAddressException notAnAddress) {
      return Optional.empty();
    }
  }

  /** The normal form, as stored and as mail is sent to. */
  public String value() {
    return value;
  }

  private static String localPart(String local) {
    if (local.length() > MAX_LOCAL_PART) {
      throw new InvalidEmailAddressException(
          "must have at most " + MAX_LOCAL_PART + " characters before the @");
    }
    for (int i = 0; i < local.length(); i++) {
      char c = local.charAt(i);
      if (!isAsciiLetterOrDigit(c) && c != '.' && ATEXT_SPECIALS.indexOf(c) < 0) {
        throw new InvalidEmailAddressException(
            "may hold before the @ only ASCII letters, digits and . "
                + ATEXT_SPECIALS
                + " (no spaces, accents or look-alike characters)");
      }
    }
    if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
      throw new InvalidEmailAddressException(
          "must not start or end with a dot, or have two dots in a row, before the @");
    }
    return asciiLowerCase(local);
  }

  private static String domain(String domain) {
    String ascii;
    try {
      ascii = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES);
    } catch (IllegalArgumentException notADomain) {
      throw new InvalidEmailAddressException("must have a valid domain after the @");
    }
    // IDN folds some characters into others (ｅ→e, K→k, ſ→s, zero-width ones to nothing): such a
    // domain
    // only looks like the one it becomes, so it is refused rather than silently turned into it
    String unicode = asciiLowerCase(IDN.toUnicode(ascii, IDN.USE_STD3_ASCII_RULES));
    boolean typedAsAscii = domain.chars().allMatch(c -> c < 0x80);
    if (!typedAsAscii && !unicode.equals(asciiLowerCase(domain))) {
      throw new InvalidEmailAddressException(
          "has characters in its domain that stand for other characters; "
              + "write the domain as it is registered, in lower case");
    }
    // checked in Unicode, so an A-label typed as such (xn--…) is held to the same rules
    String[] labels = unicode.split("\\.", -1);
    if (labels.length < 2
        || ascii.length() > MAX_DOMAIN
        || ascii.endsWith(".")
        || ascii.contains("..")) {
      throw new InvalidEmailAddressException("must have a valid domain after the @");
    }
    for (String label : labels) {
      if (mixesScripts(label)) {
        throw new InvalidEmailAddressException(
            "mixes alphabets in its domain (such as a Cyrillic or Greek letter "
                + "among Latin ones)");
      }
      if (hasStrayCombiningMark(label)) {
        throw new InvalidEmailAddressException(
            "has a combining mark in its domain; write accented letters as one character");
      }
    }
    return asciiLowerCase(ascii);
  }

  private static boolean mixesScripts(String label) {
    Set<UnicodeScript> scripts = EnumSet.noneOf(UnicodeScript.class);
    label
        .codePoints()
        .mapToObj(UnicodeScript::of)
        .filter(script -> script != UnicodeScript.COMMON && script != UnicodeScript.INHERITED)
        .forEach(scripts::add);
    return scripts.size() > 1 && SCRIPT_MIXES.stream().noneMatch(mix -> mix.containsAll(scripts));
  }

  /**
   * Latin, Greek and Cyrillic have a precomposed letter for every accent in use, and IDN composes
   * those; a mark that survives (a dot above an i, say) only makes a letter look like another.
   * Scripts written with marks (Devanagari, Thai, Arabic, …) keep theirs.
   */
  private static boolean hasStrayCombiningMark(String label) {
    boolean marked =
        label
            .codePoints()
            .anyMatch(
                c ->
                    Character.getType(c) == Character.NON_SPACING_MARK
                        || Character.getType(c) == Character.ENCLOSING_MARK
                        || Character.getType(c) == Character.COMBINING_SPACING_MARK);
    return marked
        && label
            .codePoints()
            .mapToObj(UnicodeScript::of)
            .anyMatch(
                script ->
                    script == UnicodeScript.LATIN
                        || script == UnicodeScript.GREEK
                        || script == UnicodeScript.CYRILLIC);
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  /** Lower-cases A–Z only: Locale.ROOT on text that may hold non-ASCII would still fold İ and K. */
  private static String asciiLowerCase(String text) {
    StringBuilder lower = new StringBuilder(text.length());
    text.chars()
        .forEach(c -> lower.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : (char) c));
    return lower.toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EmailAddress address && address.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return value;
  }
}
