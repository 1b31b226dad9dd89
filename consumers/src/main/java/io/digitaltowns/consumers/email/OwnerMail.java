package io.digitaltowns.consumers.email;

/** What the mails to a listing's owner (approved, rejected, a resident's message) share. */
final class OwnerMail {

  /** The footer's "why". */
  static final String REASON = "You get this mail because you own this listing on DigitalTowns.";

  private OwnerMail() {}
}
