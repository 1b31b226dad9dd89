package io.digitaltowns.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.digitaltowns.infra.mail.ReceivedMail;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Faults injected while registrations are in flight. Every registration the api accepted must end
 * in exactly one welcome mail: none lost, none twice. Each test writes its figures to
 * target/reliability/ for docs/reliability.md.
 */
class FaultInjectionTest {

  private static final int REGISTRATIONS = 45;
  private static final Duration EVERY_MAIL_DEADLINE = Duration.ofMinutes(4);

  private final LocalSystem system = SharedSystem.get();
  private final ApiClient api = new ApiClient(system.apiUrl());

  @AfterEach
  void everythingIsBack() {
    system.stack().kafka().start();
    system.stack().postgres().start();
    system.stack().schemaRegistry().start();
  }

  @Test
  void the_kafka_broker_stopped_and_restarted_mid_stream_loses_no_event_and_sends_no_mail_twice() {
    Outcome outcome =
        registerWhile(
            "kafka broker stopped and restarted",
            registrar -> registrar.accepted() >= REGISTRATIONS / 3,
            () -> system.stack().kafka().stop(),
            registrar -> registrar.accepted() >= 2 * REGISTRATIONS / 3,
            () -> system.stack().kafka().start());

    assertThat(outcome.lost()).as(outcome.toString()).isZero();
    assertThat(outcome.duplicated()).as(outcome.toString()).isZero();
  }

  @Test
  void the_database_restarted_mid_stream_loses_no_accepted_registration_and_sends_no_mail_twice() {
    Outcome outcome =
        registerWhile(
            "database restarted",
            registrar -> registrar.accepted() >= REGISTRATIONS / 3,
            () -> system.stack().postgres().stop(),
            registrar -> registrar.refused() >= 3,
            () -> system.stack().postgres().start());

    assertThat(outcome.lost()).as(outcome.toString()).isZero();
    assertThat(outcome.duplicated()).as(outcome.toString()).isZero();
    assertThat(outcome.refusedWhileDown())
        .as("the api said so while the database was down")
        .isPositive();
  }

  @Test
  void
      the_schema_registry_unavailable_for_a_while_delays_nothing_that_is_cached_and_loses_nothing() {
    Outcome outcome =
        registerWhile(
            "schema registry unavailable, then back",
            registrar -> registrar.accepted() >= REGISTRATIONS / 3,
            () -> system.stack().schemaRegistry().stop(),
            registrar -> registrar.accepted() >= 2 * REGISTRATIONS / 3,
            () -> system.stack().schemaRegistry().start());

    assertThat(outcome.lost()).as(outcome.toString()).isZero();
    assertThat(outcome.duplicated()).as(outcome.toString()).isZero();
  }

  /**
   * Registers {@link #REGISTRATIONS} users one after the other, as a client that retries a failed
   * request would; injects the fault once {@code breakWhen} holds and heals it once {@code
   * healWhen} holds; then waits for the mail.
   */
  private Outcome registerWhile(
      String fault,
      Function<Registrar, Boolean> breakWhen,
      Runnable breakIt,
      Function<Registrar, Boolean> healWhen,
      Runnable healIt) {
    Registrar registrar = new Registrar(api);
    CompletableFuture<Void> stream = CompletableFuture.runAsync(registrar);

    await().atMost(Duration.ofMinutes(2)).until(() -> breakWhen.apply(registrar));
    breakIt.run();
    await().atMost(Duration.ofMinutes(2)).until(() -> healWhen.apply(registrar));
    healIt.run();
    stream.orTimeout(3, java.util.concurrent.TimeUnit.MINUTES).join();

    List<String> emails = registrar.emails;
    await()
        .atMost(EVERY_MAIL_DEADLINE)
        .until(() -> mailCounts(emails).values().stream().allMatch(count -> count >= 1));
    Map<String, Long> counts = mailCounts(emails);
    Outcome outcome =
        new Outcome(
            fault,
            emails.size(),
            counts.values().stream().filter(count -> count == 0).count(),
            counts.values().stream().filter(count -> count > 1).count(),
            registrar.refused());
    outcome.writeReport();
    return outcome;
  }

  private Map<String, Long> mailCounts(List<String> emails) {
    List<ReceivedMail> messages = system.stack().mail().messages();
    return emails.stream()
        .collect(
            Collectors.toMap(
                Function.identity(),
                email ->
                    messages.stream()
                        .filter(mail -> mail.subject().equals("Welcome to DigitalTowns"))
                        .filter(
                            mail -> mail.to().stream().anyMatch(address -> address.contains(email)))
                        .count()));
  }

  /**
   * A client registering one user after another; a refused or failed attempt is retried with the
   * same address.
   */
  private static final class Registrar implements Runnable {

    final List<String> emails = new CopyOnWriteArrayList<>();
    private final AtomicInteger refused = new AtomicInteger();
    private final ApiClient api;

    Registrar(ApiClient api) {
      this.api = api;
    }

    @Override
    public void run() {
      for (int i = 0; i < REGISTRATIONS; i++) {
        String email = ApiClient.uniqueEmail("fault-" + i);
        await()
            .atMost(Duration.ofMinutes(2))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> attempt(email));
        emails.add(email);
      }
    }

    /** Accepted now, or already (an earlier attempt committed but its answer was lost): 409. */
    private boolean attempt(String email) {
      try {
        HttpResponse<String> response =
            api.post(
                "/api/auth/register",
                "{\"email\":\""
                    + email
                    + "\",\"password\":\"correct horse battery staple\",\"displayName\":\"Faulty\"}");
        if (response.statusCode() == 201 || response.statusCode() == 409) {
          return true;
        }
        assertThat(response.statusCode())
            .as("only the outage may refuse: " + response.body())
            .isGreaterThanOrEqualTo(500);
      } catch (RuntimeException connectionLost) {
        // the request did not get through: retried like any client would
      }
      refused.incrementAndGet();
      return false;
    }

    int accepted() {
      return emails.size();
    }

    int refused() {
      return refused.get();
    }
  }

  record Outcome(String fault, int accepted, long lost, long duplicated, int refusedWhileDown) {

    void writeReport() {
      Path file = Path.of("target", "reliability", fault.replaceAll("[^a-z]+", "-") + ".json");
      try {
        Files.createDirectories(file.getParent());
        Files.writeString(
            file,
            String.format(
                "{\"fault\":\"%s\",\"registrationsAccepted\":%d,\"welcomeMailsLost\":%d,\"welcomeMailsDuplicated\":%d,"
                    + "\"requestsRefusedDuringFault\":%d}%n",
                fault, accepted, lost, duplicated, refusedWhileDown));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
