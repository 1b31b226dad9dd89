package io.digitaltowns.consumers.email;

import io.digitaltowns.consumers.email.MailContent.Action;
import io.digitaltowns.consumers.email.MailContent.Paragraph;
import io.digitaltowns.events.billing.PaymentFailed;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Tells the owner that a payment of the subscription failed and where to update the card: the
 * listing's subscription page, whose button opens Stripe's billing portal. The event's {@code
 * portalUrl} is not used: portal sessions expire within minutes, so a mailed one would be dead.
 */
@Component
class PaymentFailedEmailHandler implements EmailHandler<PaymentFailed> {

  static final String SUBJECT = "Your payment did not go through";

  private final SmtpMailSender mail;
  private final EmailLinks links;

  PaymentFailedEmailHandler(SmtpMailSender mail, EmailLinks links) {
    this.mail = mail;
    this.links = links;
  }

  @Override
  public Class<PaymentFailed> eventType() {
    return PaymentFailed.class;
  }

  @Override
  public void handle(PaymentFailed event) {
    if (!BillingMail.hasRecipient(event.getOwnerEmail(), event.getEventId(), "PaymentFailed")) {
      return;
    }
    String retry =
        event.getNextPaymentAttempt() == null
            ? "There will be no further automatic attempt."
            : "We will try again on " + BillingMail.date(event.getNextPaymentAttempt()) + ".";
    mail.send(
        new OutgoingMail(
            event.getEventId(),
            event.getOwnerEmail(),
            new MailContent(
                SUBJECT,
                "Hello,",
                List.of(
                    new Paragraph(
                        "we could not take the payment of "
                            + BillingMail.amount(event.getAmount(), event.getCurrency())
                            + " for your DigitalTowns subscription. "
                            + retry),
                    new Paragraph(
                        "Please update your payment method: open the page below, sign in and choose to manage billing."),
                    new Action(
                        "Update your payment method", links.subscription(event.getBusinessId())),
                    new Paragraph(
                        "Your listing stays featured for a short while; if the payment keeps failing, the "
                            + "subscription is canceled and the listing is no longer featured.")),
                BillingMail.REASON)));
  }
}
