package io.digitaltowns.events.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.digitaltowns.events.accounts.SignupMethod;
import io.digitaltowns.events.accounts.UserRegistered;
import io.digitaltowns.events.businesses.BusinessDeleted;
import java.time.Instant;
import java.util.List;
import org.apache.avro.AvroMissingFieldException;
import org.apache.avro.data.RecordBuilder;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.Test;

class EnvelopeTest {

  private static final Envelope ENVELOPE =
      new Envelope(
          "0b9e3a52-6f1d-4c1e-9a57-2f0c8a6d4e11",
          Instant.parse("2026-12-07T23:00:00.123Z"),
          "5d2c7e44-1a8b-4f3e-8c61-7b9d0e2f3a55",
          "4bf92f3577b34da6a3ce929d0e0e4736");

  @Test
  void the_envelope_is_set_on_an_events_builder_beside_its_own_fields() {
    UserRegistered event =
        ENVELOPE.build(
            UserRegistered.newBuilder()
                .setEmail("a@example.org")
                .setDisplayName("A")
                .setSignupMethod(SignupMethod.GOOGLE));

    assertThat(event)
        .isEqualTo(
            UserRegistered.newBuilder()
                .setEventId(ENVELOPE.eventId())
                .setOccurredAt(ENVELOPE.occurredAt())
                .setAggregateId(ENVELOPE.aggregateId())
                .setTraceId(ENVELOPE.traceId())
                .setEmail("a@example.org")
                .setDisplayName("A")
                .setSignupMethod(SignupMethod.GOOGLE)
                .build());
  }

  @Test
  void every_event_of_the_catalog_takes_the_envelope() throws Exception {
    for (Topic<String, SpecificRecord> topic : Topics.eventTopics()) {
      for (Class<? extends SpecificRecord> type : topic.eventTypes()) {
        @SuppressWarnings("unchecked")
        RecordBuilder<SpecificRecord> builder =
            (RecordBuilder<SpecificRecord>) type.getMethod("newBuilder").invoke(null);
        SpecificRecordBase empty = (SpecificRecordBase) type.getConstructor().newInstance();
        for (String field : List.of("eventId", "occurredAt", "aggregateId", "traceId")) {
          assertThat(empty.getSchema().getField(field))
              .as(type.getSimpleName() + "." + field)
              .isNotNull();
        }
        // the envelope's setters are found and set; only the event's own required fields may still
        // be missing
        Throwable thrown = catchThrowable(() -> ENVELOPE.build(builder));
        if (thrown != null) {
          assertThat(thrown).as(type.getSimpleName()).isInstanceOf(AvroMissingFieldException.class);
        }
      }
    }
    BusinessDeleted deleted =
        new Envelope("e", Instant.EPOCH, "b", null)
            .build(
                BusinessDeleted.newBuilder()
                    .setTownId("t")
                    .setPhotoObjectKeys(List.of())
                    .setStripeSubscriptionIds(List.of())
                    .setWithAccount(false));
    assertThat(deleted.getAggregateId()).isEqualTo("b");
    assertThat(deleted.getTraceId()).isNull();
  }
}
