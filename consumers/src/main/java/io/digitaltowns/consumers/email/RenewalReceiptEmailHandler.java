package io.digitaltowns.consumers.email;

import io.digitaltowns.consumers.email.MailContent.Action;
import io.digitaltowns.consumers.email.MailContent.Fact;
import io.digitaltowns.consumers.email.MailContent.Facts;
import io.digitaltowns.consumers.email.MailContent.Paragraph;
import io.digitaltowns.events.billing.SubscriptionRenewed;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** The receipt the owner gets each time a renewal invoice of the subscription is paid. */
@Component
class RenewalReceiptEmailHandler implements EmailHandler<SubscriptionRenewed> {

  private final SmtpMailSender mail;
  private final EmailLinks links;

  RenewalReceiptEmailHandler(SmtpMailSender mail, EmailLinks links) {
    this.mail = mail;
    this.links = links;
  }

  @Override
  public Class<SubscriptionRenewed> eventType() {
    return SubscriptionRenewed.class;
  }

  @Override
  public void handle(SubscriptionRenewed event) {
    if (!BillingMail.hasRecipient(
        event.getOwnerEmail(), event.getEventId(), "SubscriptionRenewed")) {
      return;
    }
    List<Fact> facts = new ArrayList<>();
    facts.add(new Fact("Amount paid", BillingMail.amount(event.getAmount(), event.getCurrency())));
    facts.add(new Fact("Paid until", BillingMail.date(event.getCurrentPeriodEnd())));
    if (event.getInvoiceId() != null) {
      facts.add(new Fact("Invoice", MailText.oneLine(event.getInvoiceId())));
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
                        "thank you: your DigitalTowns subscription was renewed and your listing stays featured."),
                    new Facts(facts),
                    new Paragraph("See your invoices, change the card or cancel here:"),
                    new Action(
                        "Manage your subscription", links.subscription(event.getBusinessId()))),
                BillingMail.REASON)));
  }
}
