package io.digitaltowns.benchmark.soak;

import io.digitaltowns.events.catalog.TopicCreator;
import io.digitaltowns.events.catalog.Topics;
import io.digitaltowns.infra.LocalStack;
import io.digitaltowns.infra.LocalStackSettings;
import io.digitaltowns.stack.faults.EffectChecker;
import io.digitaltowns.stack.faults.FaultWindow;
import io.digitaltowns.stack.faults.Faults;
import io.digitaltowns.stack.faults.ScaledOutSystem;
import io.digitaltowns.stack.faults.SteadyTraffic;
import io.digitaltowns.stack.faults.Verdict;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Issue 21's soak: the scaled-out system (three Kafka brokers as child processes, two relays, two
 * instances of every consumer group, everything on loopback) under steady traffic for ten minutes,
 * with the faults of {@link Faults} injected at random, one at a time, a calm spell between them;
 * then every effect of every acknowledged command is checked. Writes {@code soak.json} to the
 * directory given as first argument and prints the figures.
 *
 * <pre>
 * ./mvnw -B -pl benchmark -am -DskipTests -Pbenchmark package \
 *   -Dbench.main=io.digitaltowns.benchmark.soak.FaultSoak -Dbench.jvmArg=-Dsoak.minutes=10
 * </pre>
 *
 * System properties: {@code soak.minutes} (10), {@code soak.rate} commands a second (5), {@code
 * soak.calm-seconds} between two faults (10), {@code soak.seed} of the random choice (the time).
 */
public final class FaultSoak {

  private FaultSoak() {}

  public static void main(String[] args) {
    Path out = Path.of(args.length > 0 ? args[0] : "target/bench");
    Duration length =
        Duration.ofSeconds(
            Math.round(Double.parseDouble(System.getProperty("soak.minutes", "10")) * 60));
    double rate = Double.parseDouble(System.getProperty("soak.rate", "5"));
    Duration calm = Duration.ofSeconds(Long.getLong("soak.calm-seconds", 10));
    long seed = Long.getLong("soak.seed", System.currentTimeMillis());

    LocalStack stack = LocalStack.start(LocalStackSettings.ephemeral(3));
    TopicCreator.ensure(stack.kafkaBootstrapServers(), Topics.all(stack.topicReplication()));
    Map<Faults.Kind, Integer> injected = new EnumMap<>(Faults.Kind.class);
    List<FaultWindow> windows = new ArrayList<>();
    List<String> failedInjections = new ArrayList<>();
    Instant began;
    boolean clean;
    try (ScaledOutSystem system = ScaledOutSystem.start(stack, settings());
        EffectChecker checker = EffectChecker.watching(system);
        SteadyTraffic traffic = SteadyTraffic.start(system.system(), rate)) {
      // the ten minutes are of traffic and faults, not of the system's start
      began = Instant.now();
      checker.following(traffic::accepted);
      Faults faults = new Faults(system);
      Random random = new Random(seed);
      Faults.Kind[] kinds = Faults.Kind.values();
      Instant end = began.plus(length);
      while (Instant.now().plus(calm).isBefore(end)) {
        sleep(calm);
        Faults.Kind kind = kinds[random.nextInt(kinds.length)];
        System.out.printf(
            "soak: %s after %d s, %d commands acknowledged so far%n",
            kind, Duration.between(began, Instant.now()).toSeconds(), traffic.accepted().size());
        try {
          windows.add(faults.inject(kind, traffic));
          injected.merge(kind, 1, Integer::sum);
        } catch (RuntimeException e) {
          // a fault that could not be injected or healed as planned is healed by force, and said
          failedInjections.add(kind + ": " + e.getMessage());
          try {
            faults.healEverything();
          } catch (RuntimeException cannotHeal) {
            // the system cannot be brought back: check what was acknowledged so far rather than go
            // on
            failedInjections.add("healing after " + kind + ": " + cannotHeal);
            break;
          }
        }
      }
      traffic.stop();
      long trafficSeconds = Duration.between(began, Instant.now()).toSeconds();
      Verdict verdict = checker.await(traffic.accepted(), windows, Duration.ofMinutes(5));
      Map<String, Object> extra = new LinkedHashMap<>();
      extra.put("minutes", length.toSeconds() / 60.0);
      extra.put("trafficSeconds", trafficSeconds);
      extra.put("commandsPerSecond", rate);
      extra.put("seed", seed);
      extra.put("faultsInjected", windows.size());
      injected.forEach((kind, count) -> extra.put(kind.name(), count));
      extra.put("faultsNotInjectedAsPlanned", failedInjections.size());
      extra.put("commandsRefused", traffic.refused());
      Path report = verdict.write(out, "soak", extra);
      System.out.println("soak: " + verdict);
      failedInjections.forEach(failure -> System.out.println("soak: not as planned: " + failure));
      System.out.printf(
          "soak: %d faults injected %s, %d commands acknowledged, %d effects checked, %d lost, "
              + "%d duplicated, %d dead letters, worst recovery p99 %d ms (%s); %s%n",
          windows.size(),
          injected,
          verdict.commandsAccepted(),
          verdict.checked(),
          verdict.lost(),
          verdict.duplicated(),
          verdict.deadLetters(),
          verdict.worstRecoveryP99(),
          verdict.recoveryP99(),
          report);
      clean = verdict.clean();
    } finally {
      stack.close();
    }
    System.exit(clean ? 0 : 1);
  }

  /**
   * What the services run with in the soak, as in the stack's tests: cheap password hashing and no
   * per-IP limits (every client is 127.0.0.1); the admins' address receives the review mails the
   * checker counts.
   */
  private static Map<String, Object> settings() {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("server.port", 0);
    settings.put("digitaltowns.passwords.bcrypt-strength", 4);
    settings.put("digitaltowns.abuse-limits.register.per-ip-capacity", 1_000_000);
    settings.put("digitaltowns.abuse-limits.login.per-ip-capacity", 1_000_000);
    settings.put("digitaltowns.email.admin-addresses", "soak-admin@example.org");
    return settings;
  }

  private static void sleep(Duration calm) {
    try {
      Thread.sleep(calm.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
