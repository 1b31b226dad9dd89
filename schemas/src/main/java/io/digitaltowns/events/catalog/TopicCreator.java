package io.digitaltowns.events.catalog;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the topics that are missing; topics that already exist are left as they are. */
public final class TopicCreator {

  private static final long TIMEOUT_SECONDS = 30;

  private TopicCreator() {}

  public static void ensure(String bootstrapServers, List<TopicDefinition> definitions) {
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG,
                "topic-creator"))) {
      List<NewTopic> topics =
          definitions.stream()
              .map(
                  definition ->
                      new NewTopic(
                              definition.name(),
                              definition.partitions(),
                              definition.replicationFactor())
                          .configs(definition.configs()))
              .toList();
      for (Map.Entry<String, KafkaFuture<Void>> created :
          admin.createTopics(topics).values().entrySet()) {
        awaitCreated(created.getKey(), created.getValue());
      }
    }
  }

  private static void awaitCreated(String topic, KafkaFuture<Void> creation) {
    try {
      creation.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("cannot create topic " + topic, e.getCause());
      }
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "topic " + topic + " was not created within " + TIMEOUT_SECONDS + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topic " + topic, e);
    }
  }
}
