package io.digitaltowns.api.site.businesses;

/** The business page's message field. */
public record ContactForm(String message) {

  static ContactForm empty() {
    return new ContactForm("");
  }

  @Override
  public String toString() {
    return "ContactForm[(" + (message == null ? 0 : message.length()) + " characters)]";
  }
}
