package io.digitaltowns.consumers.email;

import io.digitaltowns.events.links.EmailLinkTokens;
import io.digitaltowns.events.links.EmailLinkTokens.Purpose;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The links mails carry. Their token is derived from the id of the event that asked for the mail,
 * exactly as the api derived (and stored the hash of) it when it wrote that event, so the link
 * works without any secret travelling through Kafka.
 */
@Component
public class EmailLinks {

  /**
   * Answered by the api (GET, changes nothing: mail scanners fetch links): it sends the browser to
   * the site's page {@code /verify-email?token=}, whose form posts the token and the owner's chosen
   * password.
   */
  static final String VERIFY_EMAIL_PATH = "/api/auth/verify-email";

  /** A front-end page that asks for the new password and posts it to /api/auth/reset-password. */
  static final String RESET_PASSWORD_PATH = "/reset-password";

  /** A front-end page for admins: the listing under review, with approve and reject. */
  static final String ADMIN_BUSINESS_PATH = "/admin/businesses/";

  /** The public page of a listing. */
  static final String BUSINESS_PATH = "/businesses/";

  /**
   * A front-end page for the owner: the listing's subscription, with the button that opens Stripe's
   * billing portal.
   */
  static final String MY_BUSINESS_PATH = "/my/businesses/";

  static final String SUBSCRIPTION_PATH = "/subscription";

  /** A front-end page that asks for the address and mails a reset link to it. */
  static final String FORGOT_PASSWORD_PATH = "/forgot-password";

  /**
   * Only the email group signs links: with it off there is no key (EMAIL_LINK_SECRET) and no link
   * is ever made.
   */
  private final Supplier<EmailLinkTokens> tokens;

  private final String baseUrl;

  public EmailLinks(EmailLinkTokens tokens, EmailProperties properties) {
    this(() -> tokens, properties);
  }

  @Autowired
  EmailLinks(ObjectProvider<EmailLinkTokens> tokens, EmailProperties properties) {
    this((Supplier<EmailLinkTokens>) tokens::getObject, properties);
  }

  private EmailLinks(Supplier<EmailLinkTokens> tokens, EmailProperties properties) {
    this.tokens = tokens;
    this.baseUrl = withoutTrailingSlash(properties.publicBaseUrl());
  }

  /**
   * The link that confirms the address; its token is the event's {@link Purpose#VERIFY_EMAIL}
   * token.
   */
  public String verifyEmail(String eventId) {
    return link(VERIFY_EMAIL_PATH, Purpose.VERIFY_EMAIL, eventId);
  }

  /**
   * The link that lets the owner choose a new password; its token is the event's {@link
   * Purpose#RESET_PASSWORD} token.
   */
  public String resetPassword(String eventId) {
    return link(RESET_PASSWORD_PATH, Purpose.RESET_PASSWORD, eventId);
  }

  /** Where an admin reviews a submitted listing (sign-in required: the link carries no token). */
  public String reviewBusiness(String businessId) {
    return baseUrl + ADMIN_BUSINESS_PATH + pathSegment(businessId);
  }

  /** The public page of a listing. */
  public String business(String businessId) {
    return baseUrl + BUSINESS_PATH + pathSegment(businessId);
  }

  /**
   * Where the owner edits a listing and submits it again (sign-in required: the link carries no
   * token).
   */
  public String editBusiness(String businessId) {
    return baseUrl + MY_BUSINESS_PATH + pathSegment(businessId);
  }

  /** Where anyone asks for a password reset mail (no token: the page asks for the address). */
  public String forgotPassword() {
    return baseUrl + FORGOT_PASSWORD_PATH;
  }

  /**
   * Where the owner manages the listing's subscription (sign-in required: the link carries no
   * token). The page asks the api for a fresh billing-portal session: portal links expire, so none
   * is mailed.
   */
  public String subscription(String businessId) {
    return baseUrl + MY_BUSINESS_PATH + pathSegment(businessId) + SUBSCRIPTION_PATH;
  }

  /** The site itself, for mails that point somewhere without a token. */
  public String home() {
    return baseUrl;
  }

  private String link(String path, Purpose purpose, String eventId) {
    // the token is unpadded base64url: safe in a query string as it is
    return baseUrl + path + "?token=" + tokens.get().tokenFor(purpose, eventId);
  }

  /** Ids are UUIDs; encoding anyway keeps any other value inside its path segment. */
  private static String pathSegment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static String withoutTrailingSlash(String url) {
    String trimmed = url.strip();
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed;
  }
}
