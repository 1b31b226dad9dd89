package io.digitaltowns.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.digitaltowns.events.catalog.TopicCreator;
import io.digitaltowns.events.catalog.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What ./run relies on: a stack stopped and started again over the same data directory keeps its
 * data.
 */
class LocalStackRestartTest {

  private static final String SCHEMA =
      """
            {"type":"record","name":"Restarted","namespace":"io.digitaltowns.test","fields":[{"name":"id","type":"string"}]}""";

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void a_restarted_stack_keeps_rows_topics_and_schema_ids(@TempDir Path dataDir) throws Exception {
    LocalStackSettings ports = LocalStackSettings.ephemeral();
    LocalStackSettings settings =
        new LocalStackSettings(
            dataDir.resolve("nested/.local-data"),
            ports.postgresPort(),
            ports.kafkaPort(),
            ports.kafkaControllerPort(),
            ports.schemaRegistryPort(),
            ports.smtpPort(),
            ports.mailApiPort(),
            ports.s3Port(),
            ports.stripePort());

    int schemaId;
    try (LocalStack first = LocalStack.start(settings)) {
      try (Connection connection = first.postgres().dataSource().getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute("create table towns (name text primary key)");
        statement.execute("insert into towns values ('Lakeside')");
        try (ResultSet walLevel = statement.executeQuery("show wal_level")) {
          walLevel.next();
          assertThat(walLevel.getString(1)).isEqualTo("logical");
        }
      }
      TopicCreator.ensure(first.kafkaBootstrapServers(), Topics.all());
      schemaId = register(first);
    }

    try (LocalStack second = LocalStack.start(settings)) {
      try (Connection connection = second.postgres().dataSource().getConnection();
          Statement statement = connection.createStatement();
          ResultSet towns = statement.executeQuery("select name from towns")) {
        assertThat(towns.next()).isTrue();
        assertThat(towns.getString(1)).isEqualTo("Lakeside");
      }
      try (Admin admin =
          Admin.create(Map.of("bootstrap.servers", second.kafkaBootstrapServers()))) {
        assertThat(admin.listTopics().names().get()).contains(Topics.ACCOUNTS_EVENTS);
      }
      assertThat(register(second)).isEqualTo(schemaId);
    }
  }

  private int register(LocalStack stack) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(stack.schemaRegistryUrl() + "/subjects/restarted-value/versions"))
            .header("Content-Type", "application/vnd.schemaregistry.v1+json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    json.writeValueAsString(Map.of("schema", SCHEMA))))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return json.readTree(response.body()).get("id").asInt();
  }
}
