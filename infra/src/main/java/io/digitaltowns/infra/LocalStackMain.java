package io.digitaltowns.infra;

import io.digitaltowns.events.catalog.TopicCreator;
import io.digitaltowns.events.catalog.Topics;
import io.digitaltowns.infra.logging.LocalLogLevels;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** Runs only the servers of the local stack (no application), for debugging; Ctrl-C stops them. */
public final class LocalStackMain {

  private LocalStackMain() {}

  public static void main(String[] args) throws InterruptedException {
    LocalLogLevels.fromEnvironment(System.getenv()).apply();
    LocalStack stack = LocalStack.start(LocalStackSettings.fromEnvironment(Path.of(".local-data")));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stack.close();
                  stopped.countDown();
                },
                "local-stack-shutdown"));
    TopicCreator.ensure(stack.kafkaBootstrapServers(), Topics.all(stack.topicReplication()));
    System.out.println(portTable(stack));
    System.out.println("Press Ctrl-C to stop.");
    stopped.await();
  }

  static String portTable(LocalStack stack) {
    List<String[]> rows =
        List.of(
            new String[] {"PostgreSQL", stack.jdbcUrl() + "  (user " + stack.databaseUser() + ")"},
            new String[] {"Kafka", stack.kafkaBootstrapServers()},
            new String[] {"Schema registry", stack.schemaRegistryUrl()},
            new String[] {"SMTP", stack.smtpHost() + ":" + stack.smtpPort()},
            new String[] {
              "Mail inbox", stack.inboxUrl() + "  (JSON: " + stack.mailApiUrl() + "/api/messages)"
            },
            new String[] {
              "S3",
              stack.s3Endpoint()
                  + "  (key "
                  + stack.s3AccessKey()
                  + ", region "
                  + stack.s3Region()
                  + ")"
            },
            new String[] {
              "Stripe stand-in",
              stack.stripe().url()
                  + "  (price "
                  + stack.stripe().priceId()
                  + "; key, webhook secret, admin token in "
                  + stack.stripeAdminTokenFile().getParent()
                  + ")"
            },
            new String[] {
              "Data directory", stack.settings().dataDir().toAbsolutePath().toString()
            });
    StringBuilder table = new StringBuilder();
    for (String[] row : rows) {
      table.append(String.format("  %-18s %s%n", row[0], row[1]));
    }
    return table.toString();
  }
}
