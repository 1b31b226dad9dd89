package io.digitaltowns.consumers.email;

/**
 * What every mail says at its bottom besides its own reason: who sent it, from which site. Built
 * from the configuration ({@code EMAIL_FROM}, {@code PUBLIC_BASE_URL}).
 *
 * @param sender the From address as configured ("DigitalTowns &lt;no-reply@towns.example.org&gt;")
 * @param siteUrl the site's absolute address, without a trailing slash
 */
public record MailFooter(String sender, String siteUrl) {

  public static final String SIGN_OFF = "The DigitalTowns team";

  static MailFooter of(EmailProperties properties) {
    return new MailFooter(
        MailText.oneLine(properties.from()),
        EmailLinks.withoutTrailingSlash(properties.publicBaseUrl()));
  }

  /** "Sent by ... from ...": the sender's address and the site, one line. */
  public String sentBy() {
    return "Sent by " + sender + " from " + siteUrl;
  }
}
