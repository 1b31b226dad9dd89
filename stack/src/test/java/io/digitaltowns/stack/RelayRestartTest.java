package io.digitaltowns.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.digitaltowns.relay.RelayMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The relay is the only way events reach Kafka: stopping it must delay them, never lose them, in
 * either mode.
 */
class RelayRestartTest {

  private static final int REGISTRATIONS = 1_000;

  private final LocalSystem system = SharedSystem.get();
  private final ApiClient api = new ApiClient(system.apiUrl());

  @ParameterizedTest(name = "{0}")
  @EnumSource(RelayMode.class)
  void the_relay_stopped_and_restarted_in_the_middle_of_a_thousand_registrations_loses_none(
      RelayMode mode) throws Exception {
    system.useRelayMode(mode);
    Set<String> userIds = ConcurrentHashMap.newKeySet();
    AtomicInteger done = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(4);
    List<Future<?>> submitted =
        IntStream.range(0, REGISTRATIONS)
            .<Future<?>>mapToObj(
                i ->
                    clients.submit(
                        () -> {
                          userIds.add(api.register(ApiClient.uniqueEmail("bulk" + i), "Bulk " + i));
                          done.incrementAndGet();
                        }))
            .toList();

    await().atMost(Duration.ofSeconds(120)).until(() -> done.get() >= REGISTRATIONS / 3);
    system.stopRelay();
    await().atMost(Duration.ofSeconds(120)).until(() -> done.get() >= 2 * REGISTRATIONS / 3);
    system.startRelay();
    for (Future<?> registration : submitted) {
      registration.get();
    }
    clients.shutdown();
    assertThat(userIds).hasSize(REGISTRATIONS);

    try (TopicReader reader =
        new TopicReader(system.stack().kafkaBootstrapServers(), "dt.accounts.events")) {
      Set<String> relayed = new HashSet<>();
      await()
          .atMost(Duration.ofSeconds(120))
          .untilAsserted(
              () -> {
                reader
                    .poll()
                    .forEach(r -> relayed.add(new String(r.key(), StandardCharsets.UTF_8)));
                assertThat(relayed).containsAll(userIds);
              });
    }
  }

  /** The other tests of this JVM expect the default relay. */
  @AfterAll
  static void back_to_the_default_relay_mode() {
    SharedSystem.get().useRelayMode(RelayMode.DEBEZIUM);
  }
}
