package io.digitaltowns.consumers.email;

import io.digitaltowns.consumers.email.MailContent.Action;
import io.digitaltowns.consumers.email.MailContent.Fact;
import io.digitaltowns.consumers.email.MailContent.Facts;
import io.digitaltowns.consumers.email.MailContent.Paragraph;
import io.digitaltowns.events.billing.SubscriptionActivated;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The receipt (or, for a trial, the confirmation) the owner gets when the listing's subscription
 * starts.
 */
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
    if (!BillingMail.hasRecipient(
        event.getOwnerEmail(), event.getEventId(), "SubscriptionActivated")) {
      return;
    }
    List<Fact> facts = new ArrayList<>();
    if (event.getAmount() != null && event.getCurrency() != null) {
      facts.add(
          new Fact("Amount paid", BillingMail.amount(event.getAmount(), event.getCurrency())));
    }
    if ("trialing".equals(event.getStatus()) && event.getTrialEnd() != null) {
      facts.add(new Fact("Free trial until", BillingMail.date(event.getTrialEnd())));
    } else {
      facts.add(new Fact("Paid until", BillingMail.date(event.getCurrentPeriodEnd())));
    }
    mail.send(
        new OutgoingMail(
            event.getEventId(),
            event.getOwnerEmail(),
            new MailContent(
                BillingMail.RECEIPT_SUBJECT,
                "Hello,",
                List.of(
                    new Paragraph(
                        "thank you: your DigitalTowns subscription is active and your listing is now featured."),
                    new Facts(facts),
                    new Paragraph(
                        "The subscription renews every month. See your invoices, change the card or cancel here:"),
                    new Action(
                        "Manage your subscription", links.subscription(event.getBusinessId()))),
                BillingMail.REASON)));
  }
}
