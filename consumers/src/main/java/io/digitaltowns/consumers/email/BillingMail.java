package io.digitaltowns.consumers.email;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the billing mails share: how money and dates read, and what happens when the event does not
 * know where to mail the owner.
 *
 * <p>The billing events carry the owner's address ({@code ownerEmail}, "where known") but neither
 * the owner's nor the business's name, so the mails greet without a name and point at the listing's
 * subscription page, which names the business.
 */
final class BillingMail {

  static final String RECEIPT_SUBJECT = "Receipt: your DigitalTowns subscription";

  /** The footer's "why": the billing events name neither the owner nor the business. */
  static final String REASON =
      "You get this mail because this address pays for the subscription of a listing on DigitalTowns.";

  private static final Logger log = LoggerFactory.getLogger(BillingMail.class);
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private BillingMail() {}

  /**
   * An amount as Stripe counts it (in the currency's minor unit) as a person reads it: the ISO code
   * in capitals and the amount with the currency's usual number of decimals ({@code 1900, "eur"} is
   * {@code "EUR 19.00"}, {@code 500, "jpy"} is {@code "JPY 500"}). A code Java does not know is
   * shown with two decimals, as Stripe treats most currencies.
   */
  static String amount(long minorUnits, String currency) {
    String code = MailText.oneLine(currency).toUpperCase(Locale.ROOT);
    int digits;
    try {
      digits = Math.max(0, Currency.getInstance(code).getDefaultFractionDigits());
    } catch (IllegalArgumentException e) {
      digits = 2;
    }
    return code + " " + BigDecimal.valueOf(minorUnits, digits).toPlainString();
  }

  /** A day as the mails write it, in UTC (the events carry instants, not the owner's time zone). */
  static String date(Instant instant) {
    return DATE.format(instant) + " (UTC)";
  }

  /**
   * Whether there is an address to mail. Without one the event is acknowledged and nothing is sent:
   * a retry or a dead letter would not make an address appear. The line names the event only.
   */
  static boolean hasRecipient(String ownerEmail, String eventId, String eventType) {
    if (ownerEmail == null || ownerEmail.isBlank()) {
      log.warn("{} {} carries no owner address: no billing mail sent", eventType, eventId);
      return false;
    }
    return true;
  }
}
