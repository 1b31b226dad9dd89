package io.digitaltowns.consumers.email;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * The one way an address from an event (or the settings) becomes an SMTP address: parsed strictly,
 * and only when SMTP carries it exactly as stored.
 *
 * <p>Jakarta Mail writes each char of an address to the wire as one byte: a zero-width joiner
 * (U+200D) becomes a CR in the middle of {@code RCPT TO}, a Cyrillic {@code а} (U+0430) becomes
 * {@code 0}, so a non-ASCII address reaches another mailbox than the stored one, or breaks the SMTP
 * conversation (issue 16, findings 1 and 4). A lenient parse would also turn {@code "Name <a@b>"}
 * or {@code "a@b, c@d"} into something else than what was stored. Such an address is a property of
 * the record, not of the moment: it is refused here and the record dead-lettered, never retried.
 */
final class DeliverableAddress {

  private DeliverableAddress() {}

  /**
   * @param stored the address as stored (the api's normal form: printable ASCII, domain as IDN
   *     A-label)
   * @param role what the address is for in the mail ("recipient", "reply-to"), named in the failure
   * @throws UnusableAddressException when SMTP would not deliver to exactly {@code stored}; its
   *     message names the role and the problem, never the address
   */
  static InternetAddress of(String stored, String role) throws UnusableAddressException {
    if (stored == null || stored.isEmpty()) {
      throw new UnusableAddressException(role + " address is empty");
    }
    for (int i = 0; i < stored.length(); i++) {
      char c = stored.charAt(i);
      // space and controls included: a bare address has none, and CR/LF would end the SMTP command
      if (c <= ' ' || c > '~') {
        throw new UnusableAddressException(role + " address is not printable ASCII");
      }
    }
    InternetAddress parsed;
    try {
      parsed = new InternetAddress(stored, true);
      parsed.validate();
    } catch (AddressException e) {
      // the library's message quotes the address: only the kind of problem is kept
      throw new UnusableAddressException(role + " address does not parse strictly");
    }
    if (parsed.isGroup() || parsed.getPersonal() != null || !stored.equals(parsed.getAddress())) {
      throw new UnusableAddressException(
          role + " address is not one bare address exactly as stored");
    }
    return parsed;
  }

  /** Why an address cannot be used; the message never contains the address. */
  static final class UnusableAddressException extends AddressException {

    UnusableAddressException(String problem) {
      super(problem);
    }
  }
}
