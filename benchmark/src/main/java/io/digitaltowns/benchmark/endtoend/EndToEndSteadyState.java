package io.digitaltowns.benchmark.endtoend;

import io.digitaltowns.benchmark.LatencySummary;
import io.digitaltowns.benchmark.TopicArrivals;
import io.digitaltowns.infra.mail.MailServer;
import io.digitaltowns.infra.mail.ReceivedMail;
import java.net.http.HttpClient;
import java.sql.Connection;
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
 * Registrations through the HTTP api at a fixed rate, and when each one's effects appear downstream:
 * the UserRegistered record on dt.accounts.events (relay), the welcome mail at the SMTP server (group email),
 * the contact row of the CRM read model (group crm) and the daily sign-up count (analytics → analytics-sink).
 * Latencies count from the 201, which the api sends after its commit, so they slightly under-state
 * commit → effect. Every registration is checked for exactly one of each effect.
 */
public final class EndToEndSteadyState {

  public static final String WELCOME_SUBJECT = "Welcome to DigitalTowns";
  private static final String ACCOUNTS_TOPIC = "dt.accounts.events";

  private final HttpClient http;
  private final String apiUrl;
  private final String bootstrapServers;
  private final MailServer mail;
  private final Callable<Connection> database;

  public EndToEndSteadyState(HttpClient http, String apiUrl, String bootstrapServers, MailServer mail,
                             Callable<Connection> database) {
    this.http = http;
    this.apiUrl = apiUrl;
    this.bootstrapServers = bootstrapServers;
    this.mail = mail;
    this.database = database;
  }

  /** Runs rate registrations per second for the given seconds, then waits up to settle for the last effects. */
  public Map<String, Object> run(int rate, int seconds, Duration settle) throws Exception {
    mail.clear();
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("targetRatePerSecond", rate);
    result.put("seconds", seconds);
    try (Connection crmConnection = database.call(); Connection countConnection = database.call();
         TopicArrivals kafka = TopicArrivals.fromEnd(bootstrapServers, ACCOUNTS_TOPIC);
         CrmContactArrivals crm = new CrmContactArrivals(crmConnection);
         SignupCountArrivals signups = new SignupCountArrivals(countConnection)) {
      RegistrationLoad.Result load = new RegistrationLoad(http, apiUrl).run(rate, seconds, c -> crm.expect(c.userId()));
      List<RegistrationLoad.Created> created = load.created();
      List<String> ids = created.stream().map(RegistrationLoad.Created::userId).toList();

      long settleStart = System.nanoTime();
      boolean settled = false;
      while (System.nanoTime() - settleStart < settle.toNanos()) {
        if (kafka.hasAll(ids) && crm.hasAll(ids) && signups.counted() >= created.size()
            && welcomeMails() >= created.size()) {
          settled = true;
          break;
        }
        TimeUnit.MILLISECONDS.sleep(500);
      }
      result.put("secondsWaitedForLastEffects", Math.round((System.nanoTime() - settleStart) / 1e7) / 100.0);
      result.put("allEffectsArrivedWithinWait", settled);
      if (settled) {
        // a second copy of anything would arrive about now
        TimeUnit.SECONDS.sleep(3);
      }

      result.put("registrations", load.requests().toMap());
      result.put("registrationsCreated", created.size());

      LatencySummary toKafka = new LatencySummary();
      LatencySummary toCrm = new LatencySummary();
      long missingKafka = 0;
      long duplicatedKafka = 0;
      long missingCrm = 0;
      for (RegistrationLoad.Created c : created) {
        Instant onKafka = kafka.firstArrival(c.userId());
        if (onKafka == null) {
          missingKafka++;
        } else {
          toKafka.record(Duration.between(c.answeredAt(), onKafka).toNanos() / 1_000);
        }
        if (kafka.copies(c.userId()) > 1) {
          duplicatedKafka++;
        }
        Instant crmRow = crm.seenAt(c.userId());
        if (crmRow == null) {
          missingCrm++;
        } else {
          toCrm.record(Duration.between(c.answeredAt(), crmRow).toNanos() / 1_000);
        }
      }
      result.put("http201ToKafkaMs", toKafka.toMap());
      result.put("missingOnKafka", missingKafka);
      result.put("duplicatedOnKafka", duplicatedKafka);

      result.putAll(welcomeMailEffects(created));

      result.put("http201ToCrmContactRowMs", toCrm.toMap());
      result.put("missingCrmContactRow", missingCrm);
      result.put("duplicatedCrmSignupActivity", ids.isEmpty() ? 0 : crm.duplicatedActivities(ids).size());
      if (crm.error() != null) {
        result.put("crmWatchError", crm.error());
      }

      List<RegistrationLoad.Created> byAnswer = created.stream()
          .sorted(Comparator.comparing(RegistrationLoad.Created::answeredAt)).toList();
      LatencySummary toCount = new LatencySummary();
      for (int k = 1; k <= byAnswer.size(); k++) {
        Instant reached = signups.reached(k);
        if (reached != null) {
          toCount.record(Duration.between(byAnswer.get(k - 1).answeredAt(), reached).toNanos() / 1_000);
        }
      }
      result.put("http201ToAnalyticsSignupCountMs", toCount.toMap());
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

  private Map<String, Object> welcomeMailEffects(List<RegistrationLoad.Created> created) {
    Map<String, Instant> answeredAtByEmail = new HashMap<>();
    created.forEach(c -> answeredAtByEmail.put(c.email(), c.answeredAt()));
    Map<String, Integer> mailsPerEmail = new HashMap<>();
    LatencySummary toMail = new LatencySummary();
    for (ReceivedMail received : mail.messages()) {
      if (!WELCOME_SUBJECT.equals(received.subject())) {
        continue;
      }
      for (String to : received.to()) {
        Instant answeredAt = answeredAtByEmail.get(to);
        if (answeredAt != null && mailsPerEmail.merge(to, 1, Integer::sum) == 1) {
          toMail.record(Duration.between(answeredAt, received.receivedAt()).toNanos() / 1_000);
        }
      }
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("http201ToWelcomeMailMs", toMail.toMap());
    result.put("missingWelcomeMail", answeredAtByEmail.keySet().stream().filter(e -> !mailsPerEmail.containsKey(e)).count());
    result.put("duplicatedWelcomeMail", mailsPerEmail.values().stream().filter(n -> n > 1).count());
    return result;
  }
}
