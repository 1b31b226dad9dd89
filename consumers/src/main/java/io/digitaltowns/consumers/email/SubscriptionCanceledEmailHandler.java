package io.digitaltowns.consumers.email;

import io.digitaltowns.consumers.email.MailContent.Action;
import io.digitaltowns.consumers.email.MailContent.Block;
import io.digitaltowns.consumers.email.MailContent.Paragraph;
import io.digitaltowns.events.billing.SubscriptionCanceled;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Confirms a cancellation to the owner, and until when the listing stays featured if it runs out
 * the paid period.
 */
@Component
class SubscriptionCanceledEmailHandler implements EmailHandler<SubscriptionCanceled> {

  static final String SUBJECT = "Your subscription is canceled";

  private final SmtpMailSender mail;
  private final EmailLinks links;

  SubscriptionCanceledEmailHandler(SmtpMailSender mail, EmailLinks links) {
    this.mail = mail;
    this.links = links;
  }

  @Override
  public Class<SubscriptionCanceled> eventType() {
    return SubscriptionCanceled.class;
  }

  @Override
  public void handle(SubscriptionCanceled event) {
    if (!BillingMail.hasRecipient(
        event.getOwnerEmail(), event.getEventId(), "SubscriptionCanceled")) {
      return;
    }
    String until =
        event.getCancelAt() == null
            ? "It has ended, and your listing is no longer featured."
            : "It stays active, and your listing featured, until "
                + BillingMail.date(event.getCancelAt())
                + ". You will not be charged again.";
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Paragraph("your DigitalTowns subscription is canceled. " + until));
    if ("payment_failed".equals(event.getReason())) {
      blocks.add(new Paragraph("It was canceled because the payments for it failed."));
    }
    blocks.add(new Paragraph("Changed your mind? You can subscribe again at any time here:"));
    blocks.add(new Action("Subscribe again", links.subscription(event.getBusinessId())));
    mail.send(
        new OutgoingMail(
            event.getEventId(),
            event.getOwnerEmail(),
            new MailContent(SUBJECT, "Hello,", blocks, BillingMail.REASON)));
  }
}
