package io.digitaltowns.api.accounts;

import java.util.List;

/**
 * Look-alikes of an ASCII address, each made by putting one deceptive character (or a few) into it:
 * the test list of issue 16 finding 1. Shared by the tests of every place an address enters.
 */
public final class Confusables {

  /** A look-alike, what was changed, and where in the address. */
  public record Confusable(String label, String address) {
    @Override
    public String toString() {
      return label;
    }
  }

  private Confusables() {}

  /**
   * Look-alikes of {@code local@domain}, made for {@code ops-admin@digitaltowns.org}-like ASCII
   * addresses (an i, a, o and s in the local part, an i, a, o, s and a dot in the domain, which
   * ends in .org). {@link EmailAddress} refuses every one of them.
   */
  public static List<Confusable> of(String local, String domain) {
    return List.of(
        new Confusable(
            "Turkish dotless ı (U+0131) in the local part", local.replace('i', 'ı') + "@" + domain),
        new Confusable(
            "Turkish dotless ı (U+0131) in local part and domain",
            local.replace('i', 'ı') + "@" + domain.replace('i', 'ı')),
        new Confusable(
            "Turkish dotted İ (U+0130) in the local part", local.replace('i', 'İ') + "@" + domain),
        new Confusable(
            "Turkish dotted İ (U+0130) in the domain", local + "@" + domain.replace('i', 'İ')),
        new Confusable("Kelvin sign K (U+212A) in the local part", "\u212A" + local + "@" + domain),
        new Confusable("Kelvin sign K (U+212A) in the domain", local + "@\u212A" + domain),
        new Confusable(
            "long s ſ (U+017F) in the local part", local.replace('s', 'ſ') + "@" + domain),
        new Confusable("long s ſ (U+017F) in the domain", local + "@" + domain.replace('s', 'ſ')),
        new Confusable(
            "Cyrillic а (U+0430) in the local part", local.replace('a', 'а') + "@" + domain),
        new Confusable("Cyrillic о (U+043E) in the domain", local + "@" + domain.replace('o', 'о')),
        new Confusable("Cyrillic і (U+0456) in the domain", local + "@" + domain.replace('i', 'і')),
        new Confusable(
            "Cyrillic о (U+043E) in the top-level domain",
            local + "@" + domain.replace(".org", ".\u043Erg")),
        new Confusable("Cyrillic е (U+0435) before a Latin domain", local + "@\u0435" + domain),
        new Confusable(
            "Greek ο (U+03BF) in the local part", local.replace('o', 'ο') + "@" + domain),
        new Confusable("Greek α (U+03B1) in the domain", local + "@" + domain.replace('a', 'α')),
        new Confusable("full-width letters in the local part", fullWidth(local) + "@" + domain),
        new Confusable("full-width letters in the domain", local + "@" + fullWidth(domain)),
        new Confusable("full-width @ (U+FF20)", local + "\uFF20" + domain),
        new Confusable(
            "combining acute accent (U+0301) in the local part", local + "\u0301@" + domain),
        new Confusable(
            "combining dot above (U+0307) in the domain",
            local + "@" + domain.replaceFirst("i", "i\u0307")),
        new Confusable(
            "zero-width space (U+200B) in the local part",
            local.substring(0, 2) + "\u200B" + local.substring(2) + "@" + domain),
        new Confusable("zero-width joiner (U+200D) in the local part", local + "\u200D@" + domain),
        new Confusable(
            "zero-width non-joiner (U+200C) in the domain",
            local + "@" + domain.replaceFirst("\\.", "\u200C.")),
        new Confusable("zero-width space (U+200B) in the domain", local + "@\u200B" + domain),
        new Confusable(
            "ideographic full stop (U+3002) in the domain",
            local + "@" + domain.replace('.', '\u3002')));
  }

  private static String fullWidth(String ascii) {
    StringBuilder wide = new StringBuilder();
    ascii
        .chars()
        .forEach(c -> wide.append(c > ' ' && c < 0x7F ? (char) (c - 0x21 + 0xFF01) : (char) c));
    return wide.toString();
  }
}
