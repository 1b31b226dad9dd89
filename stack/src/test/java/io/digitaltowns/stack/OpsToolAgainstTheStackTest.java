package io.digitaltowns.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.digitaltowns.events.accounts.SignupMethod;
import io.digitaltowns.events.accounts.UserRegistered;
import io.digitaltowns.events.wire.AvroEventSerializer;
import io.digitaltowns.events.wire.SchemaRegistryClient;
import io.digitaltowns.ops.OpsCommand;
import io.digitaltowns.ops.OpsExit;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The operator's tool used the way the runbook says, against the running system and its real
 * consumers.
 */
class OpsToolAgainstTheStackTest {

  private static final String ACCOUNTS = "dt.accounts.events";
  private static final String EMAIL_DLT = ACCOUNTS + ".email.dlt";

  private final LocalSystem system = SharedSystem.get();
  private final ApiClient client = new ApiClient(system.apiUrl());
  private final Admin admin =
      Admin.create(
          Map.of(
              AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, system.stack().kafkaBootstrapServers()));

  @AfterEach
  void closeAdmin() {
    admin.close();
    SharedSystem.running();
  }

  @Test
  void replaying_the_email_group_from_the_beginning_sends_no_mail_twice() throws Exception {
    String email = ApiClient.uniqueEmail("replayed");
    client.register(email, "Replayed Reader");
    await().atMost(Duration.ofSeconds(60)).until(() -> mailsTo(email) == 1);
    await().atMost(Duration.ofSeconds(60)).until(this::emailGroupCaughtUp);
    Map<String, Long> before = mailsPerRecipientAndSubject();

    system.stopConsumers();
    Run replay =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () -> ops("replay", "--group", "email", "--topic", ACCOUNTS, "--from-beginning"),
                run ->
                    run.exitCode()
                        != OpsExit
                            .REFUSED); // members leave the group a moment after the consumers stop
    assertThat(replay.exitCode()).as(replay.toString()).isEqualTo(OpsExit.OK);
    assertThat(committedOffsets().values())
        .as("the group starts over")
        .allMatch(offset -> offset == 0L);
    system.startConsumers();

    await().atMost(Duration.ofSeconds(120)).until(this::emailGroupCaughtUp);
    assertThat(mailsPerRecipientAndSubject()).containsAllEntriesOf(before);
    assertThat(mailsTo(email)).isEqualTo(1);
  }

  @Test
  void a_dead_letter_redriven_after_the_fix_is_mailed_once() throws Exception {
    String email = ApiClient.uniqueEmail("redriven");
    RecordMetadata dead = deadLetterAWelcomeThatSmtpRefused(email);

    Run redrive =
        ops(
            "dlt",
            "redrive",
            EMAIL_DLT,
            "--partition",
            String.valueOf(dead.partition()),
            "--offset",
            String.valueOf(dead.offset()));
    assertThat(redrive.exitCode()).as(redrive.toString()).isEqualTo(OpsExit.OK);
    assertThat(redrive.out()).contains("redriven");
    await().atMost(Duration.ofSeconds(60)).until(() -> mailsTo(email) == 1);

    Run again =
        ops(
            "dlt",
            "redrive",
            EMAIL_DLT,
            "--partition",
            String.valueOf(dead.partition()),
            "--offset",
            String.valueOf(dead.offset()));
    assertThat(again.out()).as(again.toString()).contains("already redriven");
    await().atMost(Duration.ofSeconds(60)).until(this::emailGroupCaughtUp);
    assertThat(mailsTo(email)).isEqualTo(1);
  }

  @Test
  void outbox_status_and_topics_check_describe_the_running_system() throws Exception {
    client.register(ApiClient.uniqueEmail("status"), "Status Check");

    Run status =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () ->
                    ops(
                        "outbox",
                        "status",
                        "--database-url",
                        system.stack().jdbcUrl(),
                        "--database-user",
                        system.stack().databaseUser(),
                        "--database-password",
                        system.stack().databasePassword()),
                run -> run.out().contains("waiting to be relayed:  0"));
    assertThat(status.exitCode()).as(status.toString()).isEqualTo(OpsExit.OK);
    assertThat(status.out()).containsPattern("held by: +pid \\d+");

    Run topics = ops("topics", "check");
    assertThat(topics.exitCode()).as(topics.toString()).isEqualTo(OpsExit.OK);
    assertThat(topics.out()).contains(ACCOUNTS, EMAIL_DLT);
  }

  /**
   * What the email consumer writes after SMTP refused a recipient for longer than its retries last.
   */
  private RecordMetadata deadLetterAWelcomeThatSmtpRefused(String email) throws Exception {
    UserRegistered event =
        UserRegistered.newBuilder()
            .setEventId(UUID.randomUUID().toString())
            .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
            .setAggregateId(UUID.randomUUID().toString())
            .setTraceId(null)
            .setEmail(email)
            .setDisplayName("Redriven Reader")
            .setSignupMethod(SignupMethod.PASSWORD)
            .build();
    byte[] value =
        new AvroEventSerializer(new SchemaRegistryClient(system.stack().schemaRegistryUrl()))
            .serialize(event);
    RecordHeaders headers = new RecordHeaders();
    headers.add("eventId", bytes(event.getEventId()));
    headers.add("eventType", bytes(UserRegistered.getClassSchema().getFullName()));
    headers.add("kafka_dlt-original-topic", bytes(ACCOUNTS));
    headers.add("kafka_dlt-original-consumer-group", bytes("email"));
    headers.add("kafka_dlt-exception-fqcn", bytes("org.springframework.mail.MailSendException"));
    headers.add("kafka_dlt-exception-message", bytes("550 mailbox unavailable"));
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                system.stack().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      return producer
          .send(
              new ProducerRecord<>(EMAIL_DLT, null, bytes(event.getAggregateId()), value, headers))
          .get(30, TimeUnit.SECONDS);
    }
  }

  private boolean emailGroupCaughtUp() throws Exception {
    Map<TopicPartition, Long> committed = committedOffsets();
    Map<TopicPartition, OffsetSpec> latest =
        committed.keySet().stream()
            .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest()));
    var ends = admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
    return !committed.isEmpty()
        && committed.entrySet().stream()
            .allMatch(entry -> entry.getValue() >= ends.get(entry.getKey()).offset());
  }

  private Map<TopicPartition, Long> committedOffsets() throws Exception {
    Map<TopicPartition, OffsetAndMetadata> offsets =
        admin
            .listConsumerGroupOffsets("email")
            .partitionsToOffsetAndMetadata()
            .get(30, TimeUnit.SECONDS);
    return offsets.entrySet().stream()
        .filter(entry -> entry.getKey().topic().equals(ACCOUNTS) && entry.getValue() != null)
        .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
  }

  private long mailsTo(String email) {
    return system.stack().mail().messages().stream()
        .filter(mail -> mail.to().stream().anyMatch(address -> address.contains(email)))
        .count();
  }

  private Map<String, Long> mailsPerRecipientAndSubject() {
    return system.stack().mail().messages().stream()
        .collect(
            Collectors.groupingBy(mail -> mail.to() + " " + mail.subject(), Collectors.counting()));
  }

  /**
   * The command with the stack's Kafka; {@code outbox} commands take their database options
   * instead.
   */
  private Run ops(String... args) {
    String[] command =
        args[0].equals("outbox")
            ? args
            : Stream.concat(
                    Arrays.stream(args),
                    Stream.of("--bootstrap-servers", system.stack().kafkaBootstrapServers()))
                .toArray(String[]::new);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = OpsCommand.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(command);
    return new Run(exitCode, out.toString(), err.toString());
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  record Run(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
  }
}
