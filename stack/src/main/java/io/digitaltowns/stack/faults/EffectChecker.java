package io.digitaltowns.stack.faults;

import io.digitaltowns.backup.store.BackupStorageSettings;
import io.digitaltowns.backup.store.BackupStore;
import io.digitaltowns.events.catalog.ConsumerGroup;
import io.digitaltowns.events.catalog.Topic;
import io.digitaltowns.events.catalog.Topics;
import io.digitaltowns.infra.hubspot.HubSpotStandIn;
import io.digitaltowns.infra.mail.ReceivedMail;
import io.digitaltowns.stack.LocalSystem;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * Checks, for every accepted command, each effect it owes ({@link Effect}): that it happened, and
 * only once; that its aggregate's events are on Kafka exactly as committed in the outbox (commit
 * order kept); that no fault put a record in a dead-letter topic; and how long each effect took to
 * come once a fault struck. It only reads what a user or an operator could read: the mail server's
 * inbox, the CRM read model's tables, the analytics figures, the outbox, the topics, the backup
 * bucket and what the HubSpot stand-in was sent.
 */
public final class EffectChecker implements AutoCloseable {

  private static final List<String> DOMAIN_TOPICS =
      List.of(Topics.ACCOUNTS_EVENTS, Topics.BUSINESSES_EVENTS);
  private static final String BACKUP_BUCKET = "digitaltowns-backups";
  private static final Duration PASS = Duration.ofSeconds(1);

  private final LocalSystem system;
  private final HubSpotStandIn hubSpot;
  private final RelayedEvents relayed;
  private final ArchivedEvents archived;
  private final Map<String, Long> deadLettersBefore;
  private final long signupsBefore;
  private final LocalDate day;
  private final Instant watchingSince = Instant.now();

  /** first time each effect of each command (by its order) was seen */
  private final Map<Long, Map<Effect, Instant>> firstSeen = new HashMap<>();

  private Thread follower;

  private EffectChecker(LocalSystem system, HubSpotStandIn hubSpot) {
    this.system = system;
    this.hubSpot = hubSpot;
    this.relayed = new RelayedEvents(system.stack().kafkaBootstrapServers(), DOMAIN_TOPICS);
    this.archived =
        new ArchivedEvents(
            BackupStore.connect(
                new BackupStorageSettings(
                    system.stack().s3Endpoint(),
                    system.stack().s3Region(),
                    BACKUP_BUCKET,
                    system.stack().s3AccessKey(),
                    system.stack().s3SecretKey(),
                    true)),
            DOMAIN_TOPICS);
    this.deadLettersBefore = deadLetters();
    this.day = LocalDate.now(ZoneOffset.UTC);
    this.signupsBefore = settledSignups();
  }

  /**
   * Starts watching, before the traffic: what is in the dead-letter topics and the analytics
   * figures now is not owed.
   */
  public static EffectChecker watching(ScaledOutSystem system) {
    return new EffectChecker(system.system(), system.hubSpot());
  }

  /**
   * Looks once a second, on a thread of its own, at the effects of the commands acknowledged so
   * far, so that the time each effect took is known while the traffic and the faults go on; {@link
   * #await} stops it.
   */
  public EffectChecker following(Supplier<List<AcceptedCommand>> acknowledged) {
    Thread follower =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                try {
                  look(acknowledged.get());
                  Thread.sleep(PASS.toMillis());
                } catch (InterruptedException e) {
                  return;
                } catch (RuntimeException e) {
                  // a look during a fault may fail; the next one is a second away
                }
              }
            },
            "effect-checker");
    follower.setDaemon(true);
    follower.start();
    this.follower = follower;
    return this;
  }

  /**
   * Looks again and again until every effect of these commands has come or the deadline passed,
   * then counts.
   *
   * @param faults the faults injected while they were sent; the recovery times are of the commands
   *     they covered
   */
  public Verdict await(
      List<AcceptedCommand> commands, List<FaultWindow> faults, Duration deadline) {
    stopFollowing();
    Instant end = Instant.now().plus(deadline);
    Pass pass = look(commands);
    while (!(pass.everyEffectCame() && pass.signupsCounted(signupsBefore))
        && Instant.now().isBefore(end)) {
      sleep(PASS);
      pass = look(commands);
    }
    return pass.verdict(faults);
  }

  private void stopFollowing() {
    if (follower != null) {
      follower.interrupt();
      try {
        follower.join(Duration.ofSeconds(30).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      follower = null;
    }
  }

  /** One look at everything; remembers when each effect was first seen. */
  private synchronized Pass look(List<AcceptedCommand> commands) {
    relayed.catchUp();
    archived.catchUp();
    Pass pass = new Pass(system.stack().mail().messages(), commands);
    Set<String> aggregates = new LinkedHashSet<>();
    commands.forEach(command -> aggregates.add(command.aggregate()));
    try (Connection db = connect()) {
      pass.readDatabase(db, aggregates, commands);
    } catch (SQLException databaseDown) {
      pass.databaseUnreachable = true;
    }
    Instant now = Instant.now();
    for (AcceptedCommand command : commands) {
      for (Effect effect : Effect.owedBy(command.kind())) {
        if (pass.count(command, effect) > 0) {
          firstSeen
              .computeIfAbsent(command.order(), order -> new EnumMap<>(Effect.class))
              .putIfAbsent(effect, now);
        }
      }
    }
    return pass;
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(
        system.stack().jdbcUrl(), system.stack().databaseUser(), system.stack().databasePassword());
  }

  /**
   * The registrations counted today in the analytics figures, once they stopped moving (the traffic
   * is not on yet).
   */
  private long settledSignups() {
    long previous = -1;
    Instant end = Instant.now().plusSeconds(20);
    while (Instant.now().isBefore(end)) {
      long now = signups();
      if (now == previous) {
        return now;
      }
      previous = now;
      sleep(Duration.ofSeconds(2));
    }
    return previous;
  }

  private long signups() {
    try (Connection db = connect();
        PreparedStatement query =
            db.prepareStatement(
                """
        SELECT coalesce(sum((figures->>'registrations')::bigint), 0) FROM consumers.analytics_figures
        WHERE topic = 'dt.analytics.signups-daily' AND day_utc = ? AND record_key LIKE '%"all"%'""")) {
      query.setObject(1, day);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    } catch (SQLException e) {
      return -1;
    }
  }

  /** End offsets of every dead-letter topic. */
  private Map<String, Long> deadLetters() {
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                system.stack().kafkaBootstrapServers()))) {
      // the catalog's dead-letter topics of every group, those that exist on the cluster
      Set<String> existing = admin.listTopics().names().get();
      Set<String> dlts = new HashSet<>();
      Stream.of(ConsumerGroup.values())
          .flatMap(group -> group.deadLetterTopics().stream())
          .map(Topic::name)
          .filter(existing::contains)
          .forEach(dlts::add);
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      admin
          .describeTopics(dlts)
          .allTopicNames()
          .get()
          .forEach(
              (topic, description) ->
                  description
                      .partitions()
                      .forEach(
                          partition ->
                              latest.put(
                                  new TopicPartition(topic, partition.partition()),
                                  OffsetSpec.latest())));
      Map<String, Long> ends = new HashMap<>();
      admin
          .listOffsets(latest)
          .all()
          .get()
          .forEach((partition, info) -> ends.merge(partition.topic(), info.offset(), Long::sum));
      return ends;
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("cannot read the dead-letter topics", e);
    }
  }

  private static void sleep(Duration pause) {
    Polling.pause(pause.toMillis());
  }

  @Override
  public void close() {
    stopFollowing();
    relayed.close();
    archived.close();
  }

  /** What one look saw. */
  private final class Pass {

    private final List<ReceivedMail> mails;
    private final List<AcceptedCommand> commands;
    private boolean databaseUnreachable;

    /** outbox rows of the aggregates, in commit order (seq) */
    private final Map<String, List<Committed>> committed = new HashMap<>();

    private final Set<String> contacts = new HashSet<>();
    private final Set<String> companies = new HashSet<>();
    private final Map<String, Long> messageActivities = new HashMap<>();
    private long registrationsCommitted;
    private long signupsNow = -1;

    Pass(List<ReceivedMail> mails, List<AcceptedCommand> commands) {
      this.mails = mails;
      this.commands = commands;
    }

    void readDatabase(Connection db, Set<String> aggregates, List<AcceptedCommand> commands)
        throws SQLException {
      String[] ids = aggregates.toArray(String[]::new);
      try (PreparedStatement query =
          db.prepareStatement(
              "SELECT id, aggregate_id, occurred_at FROM outbox WHERE aggregate_id = ANY (?) ORDER BY seq")) {
        query.setArray(1, db.createArrayOf("text", ids));
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            committed
                .computeIfAbsent(rows.getString(2), id -> new ArrayList<>())
                .add(new Committed(rows.getString(1), rows.getTimestamp(3).toInstant()));
          }
        }
      }
      collect(
          db,
          "SELECT user_id FROM consumers.crm_view_contacts WHERE user_id = ANY (?)",
          ids,
          contacts);
      collect(
          db,
          "SELECT business_id FROM consumers.crm_view_companies WHERE business_id = ANY (?)",
          ids,
          companies);
      try (PreparedStatement query =
          db.prepareStatement(
              """
          SELECT detail, count(*) FROM consumers.crm_view_activities
          WHERE kind = 'MESSAGE_RECEIVED' AND business_id = ANY (?) GROUP BY detail""")) {
        query.setArray(1, db.createArrayOf("text", ids));
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            messageActivities.put(rows.getString(1), rows.getLong(2));
          }
        }
      }
      try (PreparedStatement query =
          db.prepareStatement(
              """
          SELECT count(*) FROM outbox WHERE event_type LIKE '%UserRegistered' AND occurred_at >= ?
          AND (occurred_at AT TIME ZONE 'UTC')::date = ?""")) {
        query.setTimestamp(1, java.sql.Timestamp.from(watchingSince));
        query.setObject(2, day);
        try (ResultSet row = query.executeQuery()) {
          row.next();
          registrationsCommitted = row.getLong(1);
        }
      }
      signupsNow = signups();
    }

    private void collect(Connection db, String sql, String[] ids, Set<String> into)
        throws SQLException {
      try (PreparedStatement query = db.prepareStatement(sql)) {
        query.setArray(1, db.createArrayOf("text", ids));
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            into.add(rows.getString(1));
          }
        }
      }
    }

    /** How many times the effect happened (0 = not yet, or lost). */
    long count(AcceptedCommand command, Effect effect) {
      return switch (effect) {
        case RELAYED -> relayedUpTo(command) ? 1 : 0;
        case ARCHIVED -> archivedUpTo(command);
        case WELCOME_MAIL -> mailsTo(command.detail(), "Welcome to DigitalTowns");
        case CRM_CONTACT -> contacts.contains(command.aggregate()) ? 1 : 0;
        case CRM_COMPANY -> companies.contains(command.aggregate()) ? 1 : 0;
        case REVIEW_MAIL ->
            mostToOneRecipient(
                mails.stream()
                    .filter(
                        mail -> mail.subject().equals("New listing to review: " + command.detail()))
                    .toList());
        case OWNER_MAIL ->
            mostToOneRecipient(
                mails.stream()
                    .filter(mail -> mail.text() != null && mail.text().contains(command.detail()))
                    .toList());
        case CRM_MESSAGE -> messageActivities.getOrDefault(command.detail(), 0L);
        // every upsert counts: one sent again (a redelivery after a crash) would be a duplicate
        case HUBSPOT_CONTACT -> hubSpot.contactUpsertsOf(command.detail());
      };
    }

    /** The events of the command's aggregate committed up to its acknowledgement. */
    private List<String> committedUpTo(AcceptedCommand command) {
      return committed.getOrDefault(command.aggregate(), List.of()).stream()
          .filter(event -> !event.occurredAt().isAfter(command.acceptedAt()))
          .map(Committed::eventId)
          .toList();
    }

    private boolean relayedUpTo(AcceptedCommand command) {
      List<String> owed = committedUpTo(command);
      return !owed.isEmpty() && inOrder(owed, distinct(relayed.of(command.aggregate())));
    }

    private long archivedUpTo(AcceptedCommand command) {
      List<String> owed = committedUpTo(command);
      if (owed.isEmpty()) {
        return 0;
      }
      long most = 0;
      for (String eventId : owed) {
        long copies = archived.copiesOfSameRecord(eventId);
        if (copies == 0) {
          return 0;
        }
        most = Math.max(most, copies);
      }
      return most;
    }

    private long mailsTo(String address, String subject) {
      return mails.stream()
          .filter(mail -> mail.subject().equals(subject))
          .filter(mail -> mail.to().stream().anyMatch(to -> to.contains(address)))
          .count();
    }

    private long mostToOneRecipient(List<ReceivedMail> matching) {
      Map<String, Long> byRecipient = new HashMap<>();
      matching.forEach(mail -> mail.to().forEach(to -> byRecipient.merge(to, 1L, Long::sum)));
      return byRecipient.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    boolean everyEffectCame() {
      return !databaseUnreachable && firstSeenAll();
    }

    private boolean firstSeenAll() {
      return commands.stream()
          .allMatch(
              command ->
                  Effect.owedBy(command.kind()).stream()
                      .allMatch(
                          effect ->
                              firstSeen
                                  .getOrDefault(command.order(), Map.of())
                                  .containsKey(effect)));
    }

    boolean signupsCounted(long before) {
      return signupsNow - before == registrationsCommitted;
    }

    Verdict verdict(List<FaultWindow> faults) {
      Map<Effect, long[]> lostAndDuplicated = new EnumMap<>(Effect.class);
      Map<Effect, List<Long>> recoveryMillis = new EnumMap<>(Effect.class);
      List<String> problems = new ArrayList<>();
      long checked = 0;
      for (AcceptedCommand command : commands) {
        boolean inFault = faults.stream().anyMatch(fault -> fault.covers(command.acceptedAt()));
        for (Effect effect : Effect.owedBy(command.kind())) {
          checked++;
          long count = count(command, effect);
          long[] tally = lostAndDuplicated.computeIfAbsent(effect, e -> new long[2]);
          if (count == 0) {
            tally[0]++;
            if (problems.size() < 20) {
              problems.add("lost: " + effect + " of " + command);
            }
          } else if (count > 1) {
            tally[1]++;
            if (problems.size() < 20) {
              problems.add("duplicated (" + count + "): " + effect + " of " + command);
            }
          }
          Instant seen = firstSeen.getOrDefault(command.order(), Map.of()).get(effect);
          if (seen != null && (inFault || faults.isEmpty())) {
            recoveryMillis
                .computeIfAbsent(effect, e -> new ArrayList<>())
                .add(Duration.between(command.acceptedAt(), seen).toMillis());
          }
        }
      }
      long outOfOrder = 0;
      long relayedTwice = 0;
      Set<String> aggregates = new LinkedHashSet<>();
      commands.forEach(command -> aggregates.add(command.aggregate()));
      for (String aggregate : aggregates) {
        List<String> onKafka = relayed.of(aggregate);
        List<String> asCommitted =
            committed.getOrDefault(aggregate, List.of()).stream().map(Committed::eventId).toList();
        relayedTwice += onKafka.size() - distinct(onKafka).size();
        if (!sameOrder(asCommitted, distinct(onKafka))
            || !asCommitted.containsAll(distinct(onKafka))) {
          outOfOrder++;
          if (problems.size() < 20) {
            problems.add(
                "not as committed: " + aggregate + " outbox " + asCommitted + " kafka " + onKafka);
          }
        }
      }
      Map<String, Long> deadLettersAfter = deadLetters();
      Map<String, Long> newDeadLetters = new HashMap<>();
      deadLettersAfter.forEach(
          (topic, end) -> {
            long added = end - deadLettersBefore.getOrDefault(topic, 0L);
            if (added > 0) {
              newDeadLetters.put(topic, added);
            }
          });
      long signupsCounted = signupsNow - signupsBefore;
      return new Verdict(
          commands.size(),
          checked,
          lostAndDuplicated,
          outOfOrder,
          relayedTwice,
          newDeadLetters,
          registrationsCommitted,
          signupsCounted,
          recoveryMillis,
          problems);
    }
  }

  /** {@code owed} appears in {@code seen}, in the same order (seen may hold more after it). */
  private static boolean inOrder(List<String> owed, List<String> seen) {
    int at = 0;
    for (String eventId : seen) {
      if (at < owed.size() && owed.get(at).equals(eventId)) {
        at++;
      } else if (owed.contains(eventId) && owed.indexOf(eventId) > at) {
        return false;
      }
    }
    return at == owed.size();
  }

  /** The events both hold are in the same order in both. */
  private static boolean sameOrder(List<String> committed, List<String> relayed) {
    return committed.stream()
        .filter(relayed::contains)
        .toList()
        .equals(relayed.stream().filter(committed::contains).toList());
  }

  private static List<String> distinct(List<String> eventIds) {
    return new ArrayList<>(new LinkedHashSet<>(eventIds));
  }

  private record Committed(String eventId, Instant occurredAt) {}
}
