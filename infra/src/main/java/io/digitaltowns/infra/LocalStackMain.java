package io.digitaltowns.infra;

import ch.qos.logback.classic.Level;
import io.digitaltowns.infra.topics.TopicCreator;
import io.digitaltowns.infra.topics.Topics;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;

/** Runs only the servers of the local stack (no application), for debugging; Ctrl-C stops them. */
public final class LocalStackMain {

    private LocalStackMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        quietServerLogs();
        LocalStack stack = LocalStack.start(LocalStackSettings.fromEnvironment(Path.of(".local-data")));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stopped.countDown();
        }, "local-stack-shutdown"));
        TopicCreator.ensure(stack.kafkaBootstrapServers(), Topics.all());
        System.out.println(portTable(stack));
        System.out.println("Press Ctrl-C to stop.");
        stopped.await();
    }

    static String portTable(LocalStack stack) {
        List<String[]> rows = List.of(
                new String[] {"PostgreSQL", stack.jdbcUrl() + "  (user " + stack.databaseUser() + ")"},
                new String[] {"Kafka", stack.kafkaBootstrapServers()},
                new String[] {"Schema registry", stack.schemaRegistryUrl()},
                new String[] {"SMTP", stack.smtpHost() + ":" + stack.smtpPort()},
                new String[] {"Mail inbox", stack.inboxUrl() + "  (JSON: " + stack.mailApiUrl() + "/api/messages)"},
                new String[] {"S3", stack.s3Endpoint() + "  (key " + stack.s3AccessKey() + ", region " + stack.s3Region() + ")"},
                new String[] {"Stripe stand-in", stack.stripe().url() + "  (price " + stack.stripe().priceId()
                        + "; key, webhook secret, admin token in " + stack.stripeAdminTokenFile().getParent() + ")"},
                new String[] {"Data directory", stack.settings().dataDir().toAbsolutePath().toString()});
        StringBuilder table = new StringBuilder();
        for (String[] row : rows) {
            table.append(String.format("  %-18s %s%n", row[0], row[1]));
        }
        return table.toString();
    }

    /** The servers log every config value at INFO; the table above is what a developer needs. */
    private static void quietServerLogs() {
        for (String noisy : List.of("kafka", "org.apache.kafka", "state.change.logger", "io.zonky", "org.gaul", "com.icegreen")) {
            if (LoggerFactory.getLogger(noisy) instanceof ch.qos.logback.classic.Logger logger) {
                logger.setLevel(Level.WARN);
            }
        }
    }
}
