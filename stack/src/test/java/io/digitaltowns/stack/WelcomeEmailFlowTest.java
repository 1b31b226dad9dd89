package io.digitaltowns.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.digitaltowns.events.accounts.UserRegistered;
import io.digitaltowns.events.wire.AvroEventDeserializer;
import io.digitaltowns.events.wire.SchemaRegistryClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.apache.avro.generic.GenericContainer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** One registration, followed through the outbox, the relay, Kafka and the email consumer. */
class WelcomeEmailFlowTest {

  private final LocalSystem system = SharedSystem.get();
  private final ApiClient api = new ApiClient(system.apiUrl());

  @Test
  void a_registered_user_receives_a_welcome_email() {
    String email = ApiClient.uniqueEmail("welcome");
    api.register(email, "Grace Hopper");

    JsonNode mail =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> mailTo(email), Optional::isPresent)
            .orElseThrow();
    assertThat(mail.get("subject").asText()).isEqualTo("Welcome to DigitalTowns");
    assertThat(mail.get("text").asText()).contains("Hello Grace Hopper");
    assertThat(mail.get("from").asText()).contains("no-reply@digitaltowns.local");
  }

  @Test
  void the_trace_id_of_the_registration_request_is_on_the_email_consumers_log_line() {
    String traceId = UUID.randomUUID().toString().replace("-", "");
    String email = ApiClient.uniqueEmail("traced");
    String body =
        "{\"email\":\""
            + email
            + "\",\"password\":\"correct horse battery staple\",\"displayName\":\"Traced\"}";

    try (LogCapture logs = LogCapture.attach()) {
      HttpResponse<String> registered =
          api.send(
              HttpRequest.newBuilder(URI.create(system.apiUrl() + "/api/auth/register"))
                  .header("Content-Type", "application/json")
                  .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build());
      assertThat(registered.statusCode()).isEqualTo(201);

      String mailSent =
          await()
              .atMost(Duration.ofSeconds(60))
              .until(
                  () ->
                      logs.lines().stream()
                          .filter(
                              line ->
                                  line.contains("mail sent for event")
                                      && line.contains("consumerGroup=email")
                                      && line.contains("traceId=" + traceId))
                          .findFirst(),
                  Optional::isPresent)
              .orElseThrow();
      assertThat(mailSent).contains("eventType=UserRegistered");
    }
    assertThat(mailTo(email)).isPresent();
  }

  @Test
  void the_event_on_the_accounts_topic_decodes_with_its_registered_schema() {
    String email = ApiClient.uniqueEmail("topic");
    String userId = api.register(email, "Alan Turing");

    try (TopicReader reader =
        new TopicReader(system.stack().kafkaBootstrapServers(), "dt.accounts.events")) {
      ConsumerRecord<byte[], byte[]> record =
          await()
              .atMost(Duration.ofSeconds(60))
              .until(
                  () ->
                      reader.poll().stream()
                          .filter(
                              r ->
                                  r.key() != null
                                      && userId.equals(new String(r.key(), StandardCharsets.UTF_8)))
                          .findFirst(),
                  Optional::isPresent)
              .orElseThrow();

      GenericContainer decoded =
          new AvroEventDeserializer(new SchemaRegistryClient(system.stack().schemaRegistryUrl()))
              .deserialize(record.value());
      assertThat(decoded).isInstanceOf(UserRegistered.class);
      UserRegistered event = (UserRegistered) decoded;
      assertThat(event.getAggregateId()).isEqualTo(userId);
      assertThat(event.getEmail()).isEqualTo(email);
      assertThat(event.getDisplayName()).isEqualTo("Alan Turing");
      assertThat(header(record, "eventId")).isEqualTo(event.getEventId());
      assertThat(header(record, "eventType")).isEqualTo("UserRegistered");
    }
  }

  private Optional<JsonNode> mailTo(String email) {
    JsonNode messages =
        ApiClient.read(api.get(system.stack().mailApiUrl() + "/api/messages").body());
    return StreamSupport.stream(messages.spliterator(), false)
        .filter(
            m ->
                StreamSupport.stream(m.get("to").spliterator(), false)
                    .anyMatch(to -> to.asText().contains(email)))
        .findFirst();
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
