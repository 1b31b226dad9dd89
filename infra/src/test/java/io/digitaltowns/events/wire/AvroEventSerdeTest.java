package io.digitaltowns.events.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.digitaltowns.events.EventCatalog;
import io.digitaltowns.events.accounts.SignupMethod;
import io.digitaltowns.events.accounts.UserRegistered;
import io.digitaltowns.infra.LocalStack;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericContainer;
import org.junit.jupiter.api.Test;

class AvroEventSerdeTest {

  private final SchemaRegistryClient registry =
      new SchemaRegistryClient(LocalStack.shared().schemaRegistryUrl());

  @Test
  void an_event_round_trips_through_the_confluent_wire_format() {
    UserRegistered event = userRegistered();
    byte[] bytes = new AvroEventSerializer(registry).serialize(event);

    assertThat(bytes[0]).isZero();
    int schemaId = ByteBuffer.wrap(bytes, 1, 4).getInt();
    assertThat(registry.schemaById(schemaId)).isEqualTo(UserRegistered.getClassSchema());
    GenericContainer decoded =
        new AvroEventDeserializer(new SchemaRegistryClient(LocalStack.shared().schemaRegistryUrl()))
            .deserialize(bytes);
    assertThat(decoded).isInstanceOf(UserRegistered.class).isEqualTo(event);
  }

  @Test
  void registering_the_catalog_twice_gives_the_same_ids() {
    EventCatalog.registerAll(registry);
    SchemaRegistryClient fresh = new SchemaRegistryClient(LocalStack.shared().schemaRegistryUrl());
    Schema schema = UserRegistered.getClassSchema();
    assertThat(fresh.register(SubjectNaming.subjectFor(schema), schema))
        .isEqualTo(registry.register(SubjectNaming.subjectFor(schema), schema));
  }

  @Test
  void bytes_without_the_magic_byte_are_undecodable() {
    assertThatThrownBy(
            () -> new AvroEventDeserializer(registry).deserialize("{\"json\":true}".getBytes()))
        .isInstanceOf(UndecodableEventException.class);
  }

  @Test
  void an_unknown_schema_id_is_undecodable() {
    byte[] bytes = ByteBuffer.allocate(9).put((byte) 0).putInt(987_654).putInt(0).array();
    assertThatThrownBy(() -> new AvroEventDeserializer(registry).deserialize(bytes))
        .isInstanceOf(UndecodableEventException.class);
  }

  @Test
  void a_schema_that_breaks_backward_compatibility_is_reported_incompatible() {
    String subject = "test.evolution." + UUID.randomUUID().toString().replace("-", "");
    Schema v1 =
        SchemaBuilder.record("Thing").namespace("test").fields().requiredString("a").endRecord();
    Schema breaking =
        SchemaBuilder.record("Thing")
            .namespace("test")
            .fields()
            .requiredString("a")
            .requiredString("b")
            .endRecord();
    registry.register(subject, v1);

    assertThat(registry.isCompatible(subject, breaking)).isFalse();
    assertThatThrownBy(() -> registry.register(subject, breaking))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class, e -> assertThat(e.status()).isEqualTo(409));
  }

  static UserRegistered userRegistered() {
    String userId = UUID.randomUUID().toString();
    return UserRegistered.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
        .setAggregateId(userId)
        .setTraceId(null)
        .setEmail("ada@example.org")
        .setDisplayName("Ada")
        .setSignupMethod(SignupMethod.PASSWORD)
        .build();
  }
}
