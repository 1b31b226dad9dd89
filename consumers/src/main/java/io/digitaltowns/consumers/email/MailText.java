package io.digitaltowns.consumers.email;

/** Small text rules for values that come from events and end up in mail headers. */
final class MailText {

  private MailText() {}

  /**
   * The value on one line: line breaks and other control characters become a space, so that a
   * business or person name can never start a new header or fold a subject.
   */
  static String oneLine(String value) {
    return value == null ? "" : value.replaceAll("\\p{Cntrl}+", " ").strip();
  }
}
