package io.digitaltowns.benchmark;

import io.digitaltowns.infra.LocalStack;
import io.digitaltowns.infra.LocalStackSettings;
import io.digitaltowns.infra.mail.ReceivedMail;
import io.digitaltowns.stack.LocalSystem;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * The welcome-mail path alone (issue 11): how many mails per second reach the SMTP server, and how
 * long after the 201 of {@code POST /api/auth/register} each one arrives. Two phases on one {@link
 * LocalSystem}:
 *
 * <ol>
 *   <li>drain: the email listener is stopped, {@code bench.mailBacklog} users register, the
 *       listener starts, and the mails/s from its start to the last mail are the consumer's
 *       throughput with nothing else arriving;
 *   <li>steady: {@code bench.mailRate} registrations/s for {@code bench.mailSeconds} s, 201→mail
 *       latency.
 * </ol>
 *
 * Writes {@code mail-trial.json} to the directory given as first argument. Not a test: no
 * assertions.
 */
public final class MailPathTrial {

  static final int BACKLOG = Integer.getInteger("bench.mailBacklog", 1_000);
  static final int RATE = Integer.getInteger("bench.mailRate", 100);
  static final int SECONDS = Integer.getInteger("bench.mailSeconds", 30);
  static final String WELCOME_SUBJECT = "Welcome to DigitalTowns";
  static final String EMAIL_LISTENER = "email";

  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

  private final Map<String, Object> report = new LinkedHashMap<>();

  /** When the 201 of each user id arrived. */
  private final Map<String, Instant> createdById = new ConcurrentHashMap<>();

  private final Map<String, String> idByEmail = new ConcurrentHashMap<>();
  private LocalStack stack;
  private LocalSystem system;
  private HttpClient http;
  private URI register;

  public static void main(String[] args) throws Exception {
    SystemUnderTest.trustEventPackages();
    Path out = Path.of(args.length > 0 ? args[0] : "target/bench");
    Files.createDirectories(out);
    MailPathTrial trial = new MailPathTrial();
    int code = 0;
    try {
      trial.run();
    } catch (Throwable e) {
      e.printStackTrace();
      trial.report.put("error", String.valueOf(e));
      code = 1;
    } finally {
      if (trial.system != null) {
        trial.system.close();
      }
      if (trial.stack != null) {
        trial.stack.close();
      }
      Files.writeString(out.resolve("mail-trial.json"), Json.write(trial.report) + "\n");
      System.out.println("[mail] report: " + Json.write(trial.report));
    }
    System.exit(code);
  }

  private void run() throws Exception {
    report.put("startedAt", Instant.now().toString());
    stack = LocalStack.start(LocalStackSettings.ephemeral());
    Map<String, Object> settings = SystemUnderTest.settings();
    // any -Dbench.set.<key>=<value> becomes a setting of the system, to try a knob without a
    // rebuild
    System.getProperties().stringPropertyNames().stream()
        .filter(k -> k.startsWith("bench.set."))
        .forEach(k -> settings.put(k.substring("bench.set.".length()), System.getProperty(k)));
    report.put("settings", new LinkedHashMap<>(settings));
    system = LocalSystem.start(stack, settings);
    http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(8))
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    register = URI.create(system.apiUrl() + "/api/auth/register");
    report.put("configuration", configuration());
    load("start");

    if (BACKLOG > 0) {
      step("drain", this::drain);
    }
    if (RATE > 0 && SECONDS > 0) {
      step("steady", this::steady);
    }
    load("end");
  }

  private interface Step {
    Object run() throws Exception;
  }

  private void step(String name, Step step) throws Exception {
    System.out.println("[mail] === " + name + " ===");
    Object result = step.run();
    report.put(name, result);
    System.out.println("[mail] " + name + ": " + Json.write(result));
  }

  /**
   * What step 1 of the issue asks to check: partitions, listener concurrency, the consumer's fetch
   * settings.
   */
  private Map<String, Object> configuration() throws Exception {
    Map<String, Object> c = new LinkedHashMap<>();
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
    try (AdminClient admin = AdminClient.create(p)) {
      c.put(
          "accountsPartitions",
          admin
              .describeTopics(List.of("dt.accounts.events"))
              .allTopicNames()
              .get()
              .get("dt.accounts.events")
              .partitions()
              .size());
    }
    MessageListenerContainer container = registry().getListenerContainer(EMAIL_LISTENER);
    if (container instanceof ConcurrentMessageListenerContainer<?, ?> concurrent) {
      c.put("emailConcurrency", concurrent.getConcurrency());
    }
    c.put("ackMode", String.valueOf(container.getContainerProperties().getAckMode()));
    c.put("syncCommits", container.getContainerProperties().isSyncCommits());
    ConsumerFactory<?, ?> consumers = system.consumers().getBean(ConsumerFactory.class);
    Map<String, Object> props = consumers.getConfigurationProperties();
    for (String key : List.of("max.poll.records", "fetch.max.wait.ms", "fetch.min.bytes")) {
      c.put(key, props.getOrDefault(key, "client default"));
    }
    return c;
  }

  private KafkaListenerEndpointRegistry registry() {
    return system.consumers().getBean(KafkaListenerEndpointRegistry.class);
  }

  // ------------------------------------------------------------------ drain

  private Object drain() throws Exception {
    MessageListenerContainer listener = registry().getListenerContainer(EMAIL_LISTENER);
    listener.stop();
    String run = UUID.randomUUID().toString().substring(0, 8);
    Map<String, Instant> created = new ConcurrentHashMap<>();
    issue(run, "drain", BACKLOG, 200, created);
    // the records must be on Kafka before the listener starts, or the drain measures the relay too
    Thread.sleep(5_000);
    stack.mail().clear();
    Instant startedAt = Instant.now();
    long started = System.nanoTime();
    listener.start();
    List<ReceivedMail> mails = awaitMails(created.size(), 300);
    long elapsed = System.nanoTime() - started;
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("registrations", created.size());
    result.put("mails", welcome(mails).size());
    result.put(
        "secondsFromListenerStartToLastMail",
        round(
            lastAt(mails)
                .map(t -> Duration.between(startedAt, t).toNanos() / 1e9)
                .orElse(elapsed / 1e9)));
    result.put(
        "mailsPerSecondFromListenerStart",
        round(
            welcome(mails).size()
                / lastAt(mails)
                    .map(t -> Duration.between(startedAt, t).toNanos() / 1e9)
                    .orElse(elapsed / 1e9)));
    result.put("mailsPerSecondFirstToLast", firstToLastRate(mails));
    result.putAll(exactlyOnce(mails, created));
    return result;
  }

  // ------------------------------------------------------------------ steady

  private Object steady() throws Exception {
    stack.mail().clear();
    String run = UUID.randomUUID().toString().substring(0, 8);
    Map<String, Instant> created = new ConcurrentHashMap<>();
    TopicArrivals onKafka =
        TopicArrivals.fromEnd(stack.kafkaBootstrapServers(), "dt.accounts.events");
    long t = System.nanoTime();
    Map<String, Object> result =
        new LinkedHashMap<>(issue(run, "steady", RATE * SECONDS, RATE, created));
    List<ReceivedMail> mails = awaitMails(created.size(), 300);
    onKafka.close();
    Histogram toKafka = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
    createdById.forEach(
        (id, at) -> {
          Instant seen = onKafka.firstArrival(id);
          if (seen != null) {
            toKafka.recordValue(Math.max(1, Duration.between(at, seen).toNanos() / 1_000));
          }
        });
    result.put("http201ToKafkaMs", percentilesMs(toKafka));
    result.put("secondsFromFirstSendToLastMail", round((System.nanoTime() - t) / 1e9));
    result.put("mailsPerSecondFirstToLast", firstToLastRate(mails));
    Histogram toMail = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
    Histogram kafkaToMail = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
    Map<String, Integer> seen = new HashMap<>();
    for (ReceivedMail mail : welcome(mails)) {
      for (String to : mail.to()) {
        Instant at = created.get(to);
        if (at != null && seen.merge(to, 1, Integer::sum) == 1) {
          toMail.recordValue(
              Math.max(1, Duration.between(at, mail.receivedAt()).toNanos() / 1_000));
          Instant kafkaAt =
              idByEmail.containsKey(to) ? onKafka.firstArrival(idByEmail.get(to)) : null;
          if (kafkaAt != null) {
            kafkaToMail.recordValue(
                Math.max(1, Duration.between(kafkaAt, mail.receivedAt()).toNanos() / 1_000));
          }
        }
      }
    }
    result.put("http201ToWelcomeMailMs", percentilesMs(toMail));
    // the email consumer's own share: from the record on the topic (as a plain consumer saw it) to
    // the mail
    result.put("kafkaToWelcomeMailMs", percentilesMs(kafkaToMail));
    result.putAll(exactlyOnce(mails, created));
    return result;
  }

  // ------------------------------------------------------------------ helpers

  /**
   * Registers {@code count} users at {@code rate}/s; the 201's arrival per address goes to {@code
   * created}.
   */
  private Map<String, Object> issue(
      String run, String phase, int count, int rate, Map<String, Instant> created)
      throws InterruptedException {
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    CountDownLatch responses = new CountDownLatch(count);
    AtomicLong failures = new AtomicLong();
    AtomicReference<String> lastFailure = new AtomicReference<>();
    Histogram httpLatency = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
    long period = 1_000_000_000L / rate;
    long start = System.nanoTime() + 100_000_000L;
    for (int i = 0; i < count; i++) {
      String email = phase + "-" + run + "-" + i + "@example.org";
      long intended = start + i * period;
      scheduler.schedule(
          () ->
              http.sendAsync(request(email), HttpResponse.BodyHandlers.ofString())
                  .whenComplete(
                      (response, e) -> {
                        try {
                          if (e != null || response.statusCode() != 201) {
                            failures.incrementAndGet();
                            lastFailure.set(
                                e != null
                                    ? String.valueOf(e)
                                    : response.statusCode() + " " + response.body());
                            return;
                          }
                          Instant now = Instant.now();
                          created.put(email, now);
                          Matcher id = ID.matcher(response.body());
                          if (id.find()) {
                            createdById.put(id.group(1), now);
                            idByEmail.put(email, id.group(1));
                          }
                          synchronized (httpLatency) {
                            httpLatency.recordValue(
                                Math.max(1, (System.nanoTime() - intended) / 1_000));
                          }
                        } finally {
                          responses.countDown();
                        }
                      }),
          intended - System.nanoTime(),
          TimeUnit.NANOSECONDS);
    }
    responses.await(count / rate + 120L, TimeUnit.SECONDS);
    scheduler.shutdown();
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("targetRatePerSecond", rate);
    result.put("issued", count);
    result.put("created", created.size());
    result.put("failures", failures.get());
    if (lastFailure.get() != null) {
      result.put("lastFailure", lastFailure.get());
    }
    result.put(
        "achievedRatePerSecond", round(created.size() / ((System.nanoTime() - start) / 1e9)));
    result.put("httpLatencyFromIntendedSendMs", percentilesMs(httpLatency));
    return result;
  }

  private HttpRequest request(String email) {
    String body =
        "{\"email\":\""
            + email
            + "\",\"password\":\"benchmark-password-1\",\"displayName\":\"Bench user\"}";
    return HttpRequest.newBuilder(register)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  /**
   * Waits until {@code expected} welcome mails arrived (and 3 s more for duplicates), or the
   * timeout.
   */
  private List<ReceivedMail> awaitMails(int expected, int timeoutSeconds)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    int last = -1;
    while (System.nanoTime() < deadline) {
      Thread.sleep(500);
      int count = welcome(stack.mail().messages()).size();
      if (count != last && count / 500 != last / 500) {
        System.out.println("[mail] " + count + " of " + expected + " mails");
      }
      last = count;
      if (count >= expected) {
        Thread.sleep(3_000);
        break;
      }
    }
    return stack.mail().messages();
  }

  private static List<ReceivedMail> welcome(List<ReceivedMail> mails) {
    return mails.stream().filter(m -> WELCOME_SUBJECT.equals(m.subject())).toList();
  }

  private static java.util.Optional<Instant> lastAt(List<ReceivedMail> mails) {
    return welcome(mails).stream().map(ReceivedMail::receivedAt).max(Instant::compareTo);
  }

  private static double firstToLastRate(List<ReceivedMail> mails) {
    List<ReceivedMail> w = welcome(mails);
    if (w.size() < 2) {
      return 0;
    }
    Instant first = w.stream().map(ReceivedMail::receivedAt).min(Instant::compareTo).orElseThrow();
    Instant last = w.stream().map(ReceivedMail::receivedAt).max(Instant::compareTo).orElseThrow();
    return round((w.size() - 1) / (Duration.between(first, last).toNanos() / 1e9));
  }

  private static Map<String, Object> exactlyOnce(
      List<ReceivedMail> mails, Map<String, Instant> created) {
    Map<String, Integer> perAddress = new HashMap<>();
    for (ReceivedMail mail : welcome(mails)) {
      mail.to().stream()
          .filter(created::containsKey)
          .forEach(to -> perAddress.merge(to, 1, Integer::sum));
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put(
        "missingWelcomeMail",
        created.keySet().stream().filter(e -> !perAddress.containsKey(e)).count());
    result.put("duplicatedWelcomeMail", perAddress.values().stream().filter(c -> c > 1).count());
    return result;
  }

  private static Map<String, Object> percentilesMs(Histogram h) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("count", h.getTotalCount());
    if (h.getTotalCount() == 0) {
      return result;
    }
    result.put("p50", round(h.getValueAtPercentile(50) / 1000.0));
    result.put("p95", round(h.getValueAtPercentile(95) / 1000.0));
    result.put("p99", round(h.getValueAtPercentile(99) / 1000.0));
    result.put("max", round(h.getMaxValue() / 1000.0));
    return result;
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }

  private void load(String when) {
    try {
      String load = Files.readString(Path.of("/proc/loadavg")).trim();
      report.put("load " + when, load);
      System.out.println("[mail] load " + when + ": " + load);
    } catch (Exception e) {
      // not on Linux
    }
  }
}
