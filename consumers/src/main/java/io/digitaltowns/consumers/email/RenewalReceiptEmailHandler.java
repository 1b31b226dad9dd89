package io.digitaltowns.consumers.email;

import io.digitaltowns.events.billing.SubscriptionRenewed;
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
    if (!BillingMail.hasRecipient(event.getOwnerEmail(), event.getEventId(), "SubscriptionRenewed")) {
      return;
    }
    String invoice = event.getInvoiceId() == null ? "" : "Invoice: " + MailText.oneLine(event.getInvoiceId()) + "\n";
    String text = """
        Hello,

        thank you: your DigitalTowns subscription was renewed and your listing stays featured.

        Amount paid: %s
        Paid until: %s
        %s
        See your invoices, change the card or cancel here:
        %s

        The DigitalTowns team
        """.formatted(BillingMail.amount(event.getAmount(), event.getCurrency()),
        BillingMail.date(event.getCurrentPeriodEnd()), invoice, links.subscription(event.getBusinessId()));
    mail.send(new OutgoingMail(event.getEventId(), event.getOwnerEmail(), BillingMail.RECEIPT_SUBJECT, text));
  }
}
