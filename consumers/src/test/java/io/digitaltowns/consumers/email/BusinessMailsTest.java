package io.digitaltowns.consumers.email;

import static io.digitaltowns.consumers.email.EmailGroupProbe.DEADLINE;
import static io.digitaltowns.consumers.email.EmailGroupProbe.awaitMail;
import static io.digitaltowns.consumers.email.EmailGroupProbe.committedOffset;
import static io.digitaltowns.consumers.email.EmailGroupProbe.deadLetterKeys;
import static io.digitaltowns.consumers.email.EmailGroupProbe.mailsTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.digitaltowns.consumers.EventFeed;
import io.digitaltowns.consumers.RunningConsumers;
import io.digitaltowns.events.businesses.BusinessApproved;
import io.digitaltowns.events.businesses.BusinessContacted;
import io.digitaltowns.events.businesses.BusinessPhotoAdded;
import io.digitaltowns.events.businesses.BusinessRejected;
import io.digitaltowns.events.businesses.BusinessSubmitted;
import io.digitaltowns.events.catalog.Topics;
import io.digitaltowns.infra.LocalStack;
import io.digitaltowns.infra.mail.ReceivedMail;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The email consumer group and listings: the consumers application against the real Kafka broker,
 * schema registry, PostgreSQL and SMTP server, fed Avro records on dt.businesses.events the way the
 * relay publishes them. What is asserted is what arrives in the mailbox.
 */
class BusinessMailsTest {

  private static final String TOPIC = Topics.BUSINESSES_EVENTS;
  private static final String DEAD_LETTERS = Topics.BUSINESSES_EVENTS_EMAIL_DLT;
  private static final String ADMIN = uniqueEmail("admin");
  private static final String OTHER_ADMIN = uniqueEmail("other-admin");

  private static LocalStack stack;
  private static ConfigurableApplicationContext consumers;
  private static EventFeed feed;

  @BeforeAll
  static void startConsumers() {
    stack = LocalStack.shared();
    // as ADMIN_EMAILS would be written by hand: spaces, an empty entry, one admin twice in other
    // case
    consumers =
        RunningConsumers.start(
            stack,
            Map.of(
                "digitaltowns.email.admin-addresses",
                " " + ADMIN + " , ," + OTHER_ADMIN + "," + ADMIN.toUpperCase()));
    feed = new EventFeed(stack);
  }

  @AfterAll
  static void stopConsumers() {
    if (feed != null) {
      feed.close();
    }
    if (consumers != null) {
      consumers.close();
    }
  }

  @Test
  void a_submitted_listing_is_mailed_to_every_admin() {
    Listing listing = new Listing("Harbour Bakery");
    Listing later = new Listing("Harbour Bakery's neighbour");

    publish(listing.id, listing.submitted());
    // same key, same partition, consumed in order: once the later one is mailed, the submission was
    // handled
    publish(listing.id, later.approvedUnder(listing.id));

    awaitMail(later.ownerEmail, "Your listing is live: " + later.name);
    String subject = "New listing to review: " + listing.name;
    for (String admin : List.of(ADMIN, OTHER_ADMIN)) {
      ReceivedMail mail = awaitMail(admin, subject);
      assertThat(mail.to())
          .as("one mail per admin: no admin sees the others' addresses")
          .containsExactly(admin);
      assertThat(mail.text())
          .contains(RunningConsumers.PUBLIC_BASE_URL + "/admin/businesses/" + listing.id)
          .contains("Olive Owner")
          .contains("BAKERY")
          .doesNotContain(listing.ownerEmail);
    }
    assertThat(mailsWithSubject(subject)).as("an admin listed twice is mailed once").hasSize(2);
    assertThat(mailsTo(listing.ownerEmail)).isEmpty();
  }

  @Test
  void the_owner_is_mailed_when_the_listing_is_approved_or_rejected_with_the_reason() {
    Listing approved = new Listing("Mill Lane Books");
    Listing rejected = new Listing("Corner Shop");
    String reason = "The opening hours are missing; please add them.";

    publish(approved.id, approved.approved());
    publish(rejected.id, rejected.rejected(reason));

    ReceivedMail live = awaitMail(approved.ownerEmail, "Your listing is live: " + approved.name);
    assertThat(live.text())
        .contains("Hello Olive Owner")
        .contains(RunningConsumers.PUBLIC_BASE_URL + "/businesses/" + approved.id);
    ReceivedMail changes =
        awaitMail(rejected.ownerEmail, "Your listing needs changes: " + rejected.name);
    assertThat(changes.text())
        .contains("Hello Olive Owner")
        .contains(reason)
        .doesNotContain("admin-"); // the reviewer stays anonymous to the owner
    assertThat(mailsTo(ADMIN))
        .noneMatch(
            mail ->
                mail.subject().contains(approved.name) || mail.subject().contains(rejected.name));
  }

  @Test
  void a_contact_message_reaches_the_owner_with_the_sender_as_reply_to() {
    Listing listing = new Listing("Riverside Café");
    String senderEmail = uniqueEmail("rita");
    String message = "Hello! Do you have gluten-free cakes?\nWe are six, on Saturday at 3 pm.";

    publish(listing.id, listing.contacted("Rita Resident", senderEmail, message));

    ReceivedMail mail =
        awaitMail(listing.ownerEmail, "New message for " + listing.name + " from Rita Resident");
    assertThat(mail.to()).containsExactly(listing.ownerEmail);
    // mail travels with CRLF line ends
    assertThat(mail.text().replace("\r\n", "\n"))
        .contains("Hello Olive Owner")
        .contains(message)
        // the Reply-To header itself is not in the SMTP server's summary of a mail:
        // SmtpMailSenderTest
        // reads it from the message as sent; here the text names the address answers go to
        .contains("reply to this mail: your answer goes to Rita Resident <" + senderEmail + ">");
    assertThat(mailsTo(senderEmail)).as("the resident is not mailed").isEmpty();
  }

  @Test
  void a_redelivered_submission_is_mailed_to_each_admin_once() {
    Listing twice = new Listing("Twice Told Tales");
    Listing later = new Listing("Later Larder");
    BusinessSubmitted submitted = twice.submitted();

    publish(twice.id, submitted);
    publish(twice.id, submitted);
    // same key, same partition, consumed in order: once the later one is mailed, both copies were
    // handled
    publish(twice.id, later.approvedUnder(twice.id));

    awaitMail(later.ownerEmail, "Your listing is live: " + later.name);
    assertThat(mailsWithSubject("New listing to review: " + twice.name))
        .extracting(mail -> mail.to().get(0))
        .containsExactlyInAnyOrder(ADMIN, OTHER_ADMIN);
  }

  @Test
  void a_photo_added_is_acknowledged_and_skipped_not_dead_lettered() throws Exception {
    Listing listing = new Listing("Snapshot Studio");
    BusinessPhotoAdded photo =
        BusinessPhotoAdded.newBuilder()
            .setEventId(eventId())
            .setOccurredAt(now())
            .setAggregateId(listing.id)
            .setPhotoId(UUID.randomUUID().toString())
            .setObjectKey("businesses/" + listing.id + "/front.jpg")
            .setContentType("image/jpeg")
            .setSizeBytes(123_456)
            .build();

    RecordMetadata skipped = publish(listing.id, photo);
    publish(listing.id, listing.approved());

    // a record that failed would be retried with backoff for minutes before the next one is read
    awaitMail(listing.ownerEmail, "Your listing is live: " + listing.name);
    TopicPartition partition = new TopicPartition(skipped.topic(), skipped.partition());
    await().atMost(DEADLINE).until(() -> committedOffset(partition) > skipped.offset());
    assertThat(deadLetterKeys(DEAD_LETTERS)).doesNotContain(listing.id);
  }

  @Test
  void mailing_listing_news_logs_neither_addresses_nor_the_message() {
    Listing listing = new Listing("Discreet Deli");
    String senderEmail = uniqueEmail("sender");
    String message = "A private question " + UUID.randomUUID();
    BusinessSubmitted submitted = listing.submitted();
    BusinessContacted contacted = listing.contacted("Sam Sender", senderEmail, message);

    List<String> lines;
    try (LogLines log = new LogLines()) {
      publish(listing.id, submitted);
      publish(listing.id, contacted);
      awaitMail(listing.ownerEmail, "New message for " + listing.name + " from Sam Sender");
      await()
          .atMost(DEADLINE)
          .until(
              () -> log.lines().stream().anyMatch(line -> line.contains(contacted.getEventId())));
      lines = log.lines();
    }

    assertThat(lines).anyMatch(line -> line.contains(submitted.getEventId()));
    assertThat(lines)
        .noneMatch(
            line ->
                line.contains(ADMIN)
                    || line.contains(OTHER_ADMIN)
                    || line.contains(listing.ownerEmail)
                    || line.contains(senderEmail)
                    || line.contains(message)
                    || line.contains("Sam Sender"));
  }

  @Test
  void
      a_contact_message_with_a_malformed_sender_address_is_dead_lettered_without_logging_the_address() {
    Listing listing = new Listing("Puzzled Pantry");
    String malformed = "not an address " + UUID.randomUUID();
    Listing next = new Listing("Next Door Noodles");

    List<String> lines;
    try (LogLines log = new LogLines()) {
      publish(listing.id, listing.contacted("Mal Formed", malformed, "Hi"));
      // the partition goes on: a later event on the same key is mailed
      publish(listing.id, next.approvedUnder(listing.id));
      awaitMail(next.ownerEmail, "Your listing is live: " + next.name);
      await().atMost(DEADLINE).until(() -> deadLetterKeys(DEAD_LETTERS).contains(listing.id));
      lines = log.lines();
    }

    assertThat(mailsTo(listing.ownerEmail)).isEmpty();
    assertThat(lines)
        .noneMatch(line -> line.contains(malformed) || line.contains(listing.ownerEmail));
  }

  /** One business and its owner, with the events the email group reacts to. */
  private static final class Listing {

    final String id = UUID.randomUUID().toString();
    final String townId = UUID.randomUUID().toString();
    final String ownerId = UUID.randomUUID().toString();
    final String ownerEmail = uniqueEmail("owner");
    final String name;

    Listing(String name) {
      this.name = name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    BusinessSubmitted submitted() {
      return BusinessSubmitted.newBuilder()
          .setEventId(eventId())
          .setOccurredAt(now())
          .setAggregateId(id)
          .setTownId(townId)
          .setName(name)
          .setCategory("BAKERY")
          .setOwnerId(ownerId)
          .setOwnerEmail(ownerEmail)
          .setOwnerName("Olive Owner")
          .build();
    }

    BusinessApproved approved() {
      return approvedUnder(id);
    }

    /**
     * This listing's approval carried under another business id, to line it up behind that
     * business's records.
     */
    BusinessApproved approvedUnder(String businessId) {
      return BusinessApproved.newBuilder()
          .setEventId(eventId())
          .setOccurredAt(now())
          .setAggregateId(businessId)
          .setTownId(townId)
          .setName(name)
          .setCategory("BAKERY")
          .setOwnerId(ownerId)
          .setOwnerEmail(ownerEmail)
          .setOwnerName("Olive Owner")
          .setApprovedBy("admin-1")
          .build();
    }

    BusinessRejected rejected(String reason) {
      return BusinessRejected.newBuilder()
          .setEventId(eventId())
          .setOccurredAt(now())
          .setAggregateId(id)
          .setTownId(townId)
          .setName(name)
          .setCategory("GROCERY")
          .setOwnerId(ownerId)
          .setOwnerEmail(ownerEmail)
          .setOwnerName("Olive Owner")
          .setRejectedBy("admin-1")
          .setReason(reason)
          .build();
    }

    BusinessContacted contacted(String senderName, String senderEmail, String message) {
      return BusinessContacted.newBuilder()
          .setEventId(eventId())
          .setOccurredAt(now())
          .setAggregateId(id)
          .setTownId(townId)
          .setName(name)
          .setCategory("CAFE")
          .setOwnerId(ownerId)
          .setOwnerEmail(ownerEmail)
          .setOwnerName("Olive Owner")
          .setMessageId(UUID.randomUUID().toString())
          .setSenderId(UUID.randomUUID().toString())
          .setSenderName(senderName)
          .setSenderEmail(senderEmail)
          .setMessage(message)
          .build();
    }
  }

  private static RecordMetadata publish(String key, SpecificRecord event) {
    return feed.send(TOPIC, key, event);
  }

  private static List<ReceivedMail> mailsWithSubject(String subject) {
    return stack.mail().messages().stream().filter(mail -> subject.equals(mail.subject())).toList();
  }

  private static String eventId() {
    return UUID.randomUUID().toString();
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }

  private static String uniqueEmail(String prefix) {
    return prefix + "-" + UUID.randomUUID() + "@example.org";
  }
}
