package io.digitaltowns.infra.registry;

import static io.digitaltowns.infra.registry.Schemas.V1;
import static io.digitaltowns.infra.registry.Schemas.V2_WITH_DEFAULT;
import static io.digitaltowns.infra.registry.Schemas.uniqueSubject;
import static org.assertj.core.api.Assertions.assertThat;

import io.digitaltowns.infra.LocalStack;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaRegistryDurabilityTest {

  @Test
  void a_new_registry_over_the_same_kafka_rebuilds_ids_and_versions_from_the_schemas_topic()
      throws IOException {
    LocalStack stack = LocalStack.shared();
    RegistryClient original = new RegistryClient(stack.schemaRegistryUrl());
    String subject = uniqueSubject("durable");
    int firstId = original.register(subject, V1).body().get("id").asInt();
    int secondId = original.register(subject, V2_WITH_DEFAULT).body().get("id").asInt();
    original.put("/config/" + subject, Map.of("compatibility", "FULL"));

    SchemaRegistryServer replica =
        new SchemaRegistryServer(stack.kafkaBootstrapServers(), freePort());
    replica.start();
    try {
      RegistryClient rebuilt = new RegistryClient(replica.url());

      assertThat(rebuilt.get("/schemas/ids/" + firstId).status()).isEqualTo(200);
      assertThat(rebuilt.get("/subjects/" + subject + "/versions/1").body().get("id").asInt())
          .isEqualTo(firstId);
      assertThat(rebuilt.get("/subjects/" + subject + "/versions/latest").body().get("id").asInt())
          .isEqualTo(secondId);
      assertThat(rebuilt.get("/config/" + subject).body().get("compatibilityLevel").asText())
          .isEqualTo("FULL");
      assertThat(rebuilt.register(subject, V1).body().get("id").asInt()).isEqualTo(firstId);
    } finally {
      replica.stop();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
