package io.digitaltowns.consumers.email;

import io.digitaltowns.events.billing.SubscriptionActivated;
import org.springframework.stereotype.Component;

/** The receipt (or, for a trial, the confirmation) the owner gets when the listing's subscription starts. */
@Component
class SubscriptionReceiptEmailHandler implements EmailHandler<SubscriptionActivated> {

  private final SmtpMailSender mail;
  private final EmailLinks links;

  SubscriptionReceiptEmailHandler(SmtpMailSender mail, EmailLinks links) {
    this.mail = mail;
    this.links = links;
  }

  @Override
  public Class<SubscriptionActivated> eventType() {
    return SubscriptionActivated.class;
  }

  @Override
  public void handle(SubscriptionActivated event) {
    if (!BillingMail.hasRecipient(event.getOwnerEmail(), event.getEventId(), "SubscriptionActivated")) {
      return;
    }
    StringBuilder facts = new StringBuilder();
    if (event.getAmount() != null && event.getCurrency() != null) {
      facts.append("Amount paid: ").append(BillingMail.amount(event.getAmount(), event.getCurrency())).append('\n');
    }
    if ("trialing".equals(event.getStatus()) && event.getTrialEnd() != null) {
      facts.append("Free trial until: ").append(BillingMail.date(event.getTrialEnd())).append('\n');
    } else {
      facts.append("Paid until: ").append(BillingMail.date(event.getCurrentPeriodEnd())).append('\n');
    }
    String text = """
        Hello,

        thank you: your DigitalTowns subscription is active and your listing is now featured.

        %s
        The subscription renews every month. See your invoices, change the card or cancel here:
        %s

        The DigitalTowns team
        """.formatted(facts, links.subscription(event.getBusinessId()));
    mail.send(new OutgoingMail(event.getEventId(), event.getOwnerEmail(), BillingMail.RECEIPT_SUBJECT, text));
  }
}
