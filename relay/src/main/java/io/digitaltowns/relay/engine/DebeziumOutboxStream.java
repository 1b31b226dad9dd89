package io.digitaltowns.relay.engine;

import io.debezium.embedded.Connect;
import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import io.digitaltowns.relay.RelayProperties;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.connect.source.SourceRecord;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;

/**
 * RELAY_MODE=debezium: the Debezium embedded engine streams the outbox inserts from the WAL
 * (logical replication slot, pgoutput) and commits its offset only for records Kafka acknowledged;
 * a restart resumes from that offset.
 */
public class DebeziumOutboxStream implements OutboxStream {

  private final RelayProperties properties;
  private final DataSourceProperties database;

  public DebeziumOutboxStream(RelayProperties properties, DataSourceProperties database) {
    this.properties = properties;
    this.database = database;
  }

  @Override
  public void relay(OutboxSender sender, RelayControl control) throws Exception {
    CompletableFuture<Throwable> finished = new CompletableFuture<>();
    ExecutorService executor =
        Executors.newSingleThreadExecutor(r -> new Thread(r, "debezium-engine"));
    try (DebeziumEngine<ChangeEvent<SourceRecord, SourceRecord>> engine =
        DebeziumEngine.create(Connect.class)
            .using(DebeziumOutboxConfig.build(properties, database))
            .notifying(new KafkaOutboxPublisher(sender))
            .using(
                (success, message, error) ->
                    finished.complete(success ? null : failure(message, error)))
            .build()) {
      executor.execute(engine);
      while (control.keepGoing() && !finished.isDone()) {
        awaitQuietly(finished, Duration.ofSeconds(1));
      }
    } finally {
      executor.shutdown();
      executor.awaitTermination(30, TimeUnit.SECONDS);
    }
    Throwable error = finished.getNow(null);
    if (error != null) {
      throw error instanceof Exception exception
          ? exception
          : new RelayFailedException(error.getMessage(), error);
    }
  }

  private static Throwable failure(String message, Throwable error) {
    return error != null ? error : new RelayFailedException(message, null);
  }

  private static void awaitQuietly(CompletableFuture<?> future, Duration duration)
      throws InterruptedException {
    try {
      future.get(duration.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // checked again by the caller's loop
    }
  }
}
