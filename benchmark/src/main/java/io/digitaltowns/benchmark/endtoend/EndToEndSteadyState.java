package io.digitaltowns.benchmark.endtoend;

import io.digitaltowns.benchmark.CpuByComponent;
import io.digitaltowns.benchmark.LatencySummary;
import io.digitaltowns.benchmark.TopicArrivals;
import io.digitaltowns.infra.mail.MailServer;
import io.digitaltowns.infra.mail.ReceivedMail;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * Registrations through the HTTP api at a fixed rate, and when each one's effects appear
 * downstream: the UserRegistered record on dt.accounts.events (relay), the welcome mail at the SMTP
 * server (group email), the contact row of the CRM read model (group crm) and the daily sign-up
 * count (analytics → analytics-sink). Latencies count from the account's created_at, which the api
 * takes inside the registration's transaction a few milliseconds before its commit (so they
 * slightly over-state commit → effect); counting from the 201 instead would hide the effects that
 * arrive while the answer is still on its way. Every registration is checked for exactly one of
 * each effect.
 */
public final class EndToEndSteadyState {

  public static final String WELCOME_SUBJECT = "Welcome to DigitalTowns";
  private static final String ACCOUNTS_TOPIC = "dt.accounts.events";

  private final HttpClient http;
  private final String apiUrl;
  private final String bootstrapServers;
  private final Inbox mail;
  private final Callable<Connection> database;
  private final long postgresPostmaster;

  public EndToEndSteadyState(
      HttpClient http,
      String apiUrl,
      String bootstrapServers,
      MailServer mail,
      Callable<Connection> database,
      long postgresPostmaster) {
    this(http, apiUrl, bootstrapServers, Inbox.of(mail), database, postgresPostmaster);
  }

  /**
   * @param mail the SMTP server's mails, when that server runs in another JVM
   */
  public EndToEndSteadyState(
      HttpClient http,
      String apiUrl,
      String bootstrapServers,
      Inbox mail,
      Callable<Connection> database,
      long postgresPostmaster) {
    this.postgresPostmaster = postgresPostmaster;
    this.http = http;
    this.apiUrl = apiUrl;
    this.bootstrapServers = bootstrapServers;
    this.mail = mail;
    this.database = database;
  }

  /**
   * Runs rate registrations per second for the given seconds, then waits up to settle for the last
   * effects.
   */
  public Map<String, Object> run(int rate, int seconds, Duration settle) throws Exception {
    mail.clear();
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("targetRatePerSecond", rate);
    result.put("seconds", seconds);
    try (Connection crmConnection = database.call();
        Connection countConnection = database.call();
        TopicArrivals kafka = TopicArrivals.fromEnd(bootstrapServers, ACCOUNTS_TOPIC);
        CrmContactArrivals crm = new CrmContactArrivals(crmConnection);
        SignupCountArrivals signups = new SignupCountArrivals(countConnection)) {
      CpuByComponent cpu = CpuByComponent.start(postgresPostmaster);
      RegistrationLoad.Result load =
          new RegistrationLoad(http, apiUrl).run(rate, seconds, c -> crm.expect(c.userId()));
      result.put("cpuDuringLoad", cpu.stop());
      List<RegistrationLoad.Created> created = load.created();
      List<String> ids = created.stream().map(RegistrationLoad.Created::userId).toList();

      long settleStart = System.nanoTime();
      boolean settled = false;
      while (System.nanoTime() - settleStart < settle.toNanos()) {
        if (kafka.hasAll(ids)
            && crm.hasAll(ids)
            && signups.counted() >= created.size()
            && welcomeMails() >= created.size()) {
          settled = true;
          break;
        }
        TimeUnit.MILLISECONDS.sleep(500);
      }
      result.put(
          "secondsWaitedForLastEffects",
          Math.round((System.nanoTime() - settleStart) / 1e7) / 100.0);
      result.put("allEffectsArrivedWithinWait", settled);
      if (settled) {
        // a second copy of anything would arrive about now
        TimeUnit.SECONDS.sleep(3);
      }

      result.put("registrations", load.requests().toMap());
      result.put("registrationsCreated", created.size());

      Map<String, Instant> committedAt = createdAt(ids);
      result.put("accountsWithoutCreatedAt", ids.size() - committedAt.size());
      LatencySummary toKafka = new LatencySummary();
      LatencySummary toCrm = new LatencySummary();
      long missingKafka = 0;
      long duplicatedKafka = 0;
      long missingCrm = 0;
      for (RegistrationLoad.Created c : created) {
        Instant committed = committedAt.getOrDefault(c.userId(), c.answeredAt());
        Instant onKafka = kafka.firstArrival(c.userId());
        if (onKafka == null) {
          missingKafka++;
        } else {
          toKafka.record(Duration.between(committed, onKafka).toNanos() / 1_000);
        }
        if (kafka.copies(c.userId()) > 1) {
          duplicatedKafka++;
        }
        Instant crmRow = crm.seenAt(c.userId());
        if (crmRow == null) {
          missingCrm++;
        } else {
          toCrm.record(Duration.between(committed, crmRow).toNanos() / 1_000);
        }
      }
      result.put("commitToKafkaMs", toKafka.toMap());
      result.put("missingOnKafka", missingKafka);
      result.put("duplicatedOnKafka", duplicatedKafka);

      result.putAll(welcomeMailEffects(created, committedAt));

      result.put("commitToCrmContactRowMs", toCrm.toMap());
      result.put("missingCrmContactRow", missingCrm);
      result.put(
          "duplicatedCrmSignupActivity", ids.isEmpty() ? 0 : crm.duplicatedActivities(ids).size());
      if (crm.error() != null) {
        result.put("crmWatchError", crm.error());
      }

      List<Instant> commits =
          created.stream()
              .map(c -> committedAt.getOrDefault(c.userId(), c.answeredAt()))
              .sorted(Comparator.naturalOrder())
              .toList();
      LatencySummary toCount = new LatencySummary();
      for (int k = 1; k <= commits.size(); k++) {
        Instant reached = signups.reached(k);
        if (reached != null) {
          toCount.record(Duration.between(commits.get(k - 1), reached).toNanos() / 1_000);
        }
      }
      result.put("commitToAnalyticsSignupCountMs", toCount.toMap());
      result.put("signupsCounted", signups.counted());
      result.put("signupCountExact", signups.counted() == created.size());
      if (signups.error() != null) {
        result.put("analyticsWatchError", signups.error());
      }
    }
    return result;
  }

  private long welcomeMails() {
    return mail.messages().stream().filter(m -> WELCOME_SUBJECT.equals(m.subject())).count();
  }

  /** users.created_at of the accounts, read once the run is over. */
  private Map<String, Instant> createdAt(List<String> userIds) throws Exception {
    Map<String, Instant> result = new HashMap<>();
    try (Connection c = database.call();
        PreparedStatement query =
            c.prepareStatement("SELECT id::text, created_at FROM users WHERE id::text = ANY (?)")) {
      query.setArray(1, c.createArrayOf("text", userIds.toArray()));
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          result.put(rs.getString(1), rs.getTimestamp(2).toInstant());
        }
      }
    }
    return result;
  }

  private Map<String, Object> welcomeMailEffects(
      List<RegistrationLoad.Created> created, Map<String, Instant> committedAt) {
    Map<String, Instant> committedAtByEmail = new HashMap<>();
    created.forEach(
        c ->
            committedAtByEmail.put(
                c.email(), committedAt.getOrDefault(c.userId(), c.answeredAt())));
    Map<String, Integer> mailsPerEmail = new HashMap<>();
    LatencySummary toMail = new LatencySummary();
    for (ReceivedMail received : mail.messages()) {
      if (!WELCOME_SUBJECT.equals(received.subject())) {
        continue;
      }
      for (String to : received.to()) {
        Instant committed = committedAtByEmail.get(to);
        if (committed != null && mailsPerEmail.merge(to, 1, Integer::sum) == 1) {
          toMail.record(Duration.between(committed, received.receivedAt()).toNanos() / 1_000);
        }
      }
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("commitToWelcomeMailMs", toMail.toMap());
    result.put(
        "missingWelcomeMail",
        committedAtByEmail.keySet().stream().filter(e -> !mailsPerEmail.containsKey(e)).count());
    result.put("duplicatedWelcomeMail", mailsPerEmail.values().stream().filter(n -> n > 1).count());
    return result;
  }
}
