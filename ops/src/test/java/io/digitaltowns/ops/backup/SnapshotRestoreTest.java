package io.digitaltowns.ops.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.digitaltowns.backup.snapshot.SnapshotCatalog;
import io.digitaltowns.backup.snapshot.SnapshotManifest;
import io.digitaltowns.ops.Ops;
import io.digitaltowns.ops.OpsExit;
import io.digitaltowns.ops.connection.DatabaseOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A snapshot of a database built by the services' migrations and seeded with awkward values,
 * restored by {@code ops backup restore-snapshot} into a fresh database: every table is compared
 * row by row, every column.
 */
class SnapshotRestoreTest {

  private static final List<String> SCHEMAS = List.of("public", "consumers");
  private static BackupBucket bucket;
  private static DatabaseOptions source;
  private static SnapshotManifest snapshot;

  @BeforeAll
  static void snapshotOfASeededDatabase() throws Exception {
    bucket = new BackupBucket();
    source = database(createDatabase("snap_source"));
    SchemaMigrations.migrate(
        source.dataSource(), Map.of("public", "latest", "consumers", "latest"));
    try (Connection connection = source.connect();
        Statement statement = connection.createStatement()) {
      statement.execute(SEED);
    }
    try (Connection connection = source.connect()) {
      snapshot = new SnapshotCatalog(bucket.store, Clock.systemUTC()).take(connection, SCHEMAS);
    }
  }

  @AfterAll
  static void close() {
    bucket.store.close();
  }

  @Test
  void a_snapshot_restored_into_a_fresh_database_has_every_table_equal_to_the_original()
      throws Exception {
    String target = createDatabase("snap_target");

    Ops.Run restore =
        Ops.run(
            bucket.command(
                "backup",
                "restore-snapshot",
                snapshot.id(),
                "--database-url",
                jdbcUrl(target),
                "--database-user",
                Ops.stack().databaseUser(),
                "--database-password",
                Ops.stack().databasePassword()));

    assertThat(restore.exitCode()).as(restore.toString()).isEqualTo(OpsExit.OK);
    assertThat(restore.out())
        .contains("Checksum ok")
        .contains(snapshot.totalRows() + " rows restored");
    Map<String, List<String>> original = everyTable(source);
    Map<String, List<String>> restored = everyTable(database(target));
    assertThat(restored.keySet()).containsExactlyElementsOf(original.keySet());
    original.forEach(
        (table, rows) -> assertThat(restored.get(table)).as(table).containsExactlyElementsOf(rows));
    assertThat(original.get("public.users")).hasSize(3);
    assertThat(original.values().stream().filter(rows -> !rows.isEmpty()).count())
        .as("seeded tables")
        .isGreaterThanOrEqualTo(15);
    assertThat(schemaVersions(database(target))).isEqualTo(schemaVersions(source));
  }

  @Test
  void the_restored_database_checks_its_foreign_keys_again() throws Exception {
    String target = createDatabase("snap_live");
    Ops.Run restore =
        Ops.run(
            bucket.command(
                "backup",
                "restore-snapshot",
                "snapshots/" + snapshot.id() + "/manifest.json",
                "--database-url",
                jdbcUrl(target),
                "--database-user",
                Ops.stack().databaseUser(),
                "--database-password",
                Ops.stack().databasePassword()));
    assertThat(restore.exitCode()).as(restore.toString()).isEqualTo(OpsExit.OK);

    try (Connection connection = database(target).connect();
        Statement statement = connection.createStatement()) {
      // the foreign key is back: a business of an unknown owner is refused
      assertThat(
              org.assertj.core.api.Assertions.catchThrowable(
                  () ->
                      statement.execute(
                          "INSERT INTO businesses (id, town_id, owner_id, name, category, status) VALUES (gen_random_uuid(), "
                              + "'00000000-0000-0000-0000-00000000a001', gen_random_uuid(), 'X', 'bakery', 'DRAFT')")))
          .hasMessageContaining("foreign key");
    }
  }

  @Test
  void a_database_with_rows_is_refused_and_left_as_it_was() throws Exception {
    Ops.Run restore =
        Ops.run(
            bucket.command(
                "backup",
                "restore-snapshot",
                snapshot.id(),
                "--database-url",
                source.displayUrl(),
                "--database-user",
                Ops.stack().databaseUser(),
                "--database-password",
                Ops.stack().databasePassword()));

    assertThat(restore.exitCode()).as(restore.toString()).isEqualTo(OpsExit.REFUSED);
    assertThat(restore.err()).contains("is not empty").contains("Nothing was changed");
  }

  @Test
  void a_damaged_snapshot_is_refused_before_anything_is_written() throws Exception {
    String target = createDatabase("snap_damaged");
    SnapshotManifest damaged =
        new SnapshotManifest(
            snapshot.formatVersion(),
            snapshot.id() + "-damaged",
            snapshot.takenAt(),
            snapshot.serverVersion(),
            snapshot.schemaVersions(),
            snapshot.tables(),
            snapshot.sequences(),
            snapshot.dataObject(),
            snapshot.dataBytes(),
            "0".repeat(64));
    bucket.store.upload(
        "snapshots/" + damaged.id() + "/manifest.json", damaged.toJson(), "application/json");

    Ops.Run restore =
        Ops.run(
            bucket.command(
                "backup",
                "restore-snapshot",
                damaged.id(),
                "--database-url",
                jdbcUrl(target),
                "--database-user",
                Ops.stack().databaseUser(),
                "--database-password",
                Ops.stack().databasePassword()));

    assertThat(restore.exitCode()).as(restore.toString()).isEqualTo(OpsExit.FAILED);
    assertThat(restore.err()).contains("is damaged");
    assertThat(everyTable(database(target))).isEmpty();
  }

  @Test
  void list_shows_the_snapshot_with_its_row_count_and_schema_versions() {
    Ops.Run list = Ops.run(bucket.command("backup", "list", "--snapshots"));

    assertThat(list.exitCode()).as(list.toString()).isEqualTo(OpsExit.OK);
    assertThat(list.out())
        .contains(snapshot.id())
        .contains(Long.toString(snapshot.totalRows()))
        .contains("consumers=" + snapshot.schemaVersions().get("consumers"));
  }

  @Test
  void a_snapshot_taken_by_hand_is_listed_with_the_nightly_ones() {
    Ops.Run take =
        Ops.run(
            bucket.command(
                "backup",
                "snapshot",
                "--database-url",
                source.displayUrl(),
                "--database-user",
                Ops.stack().databaseUser(),
                "--database-password",
                Ops.stack().databasePassword()));

    assertThat(take.exitCode()).as(take.toString()).isEqualTo(OpsExit.OK);
    String id = take.out().substring("Snapshot ".length(), take.out().indexOf(" of "));
    assertThat(new SnapshotCatalog(bucket.store, Clock.systemUTC()).find(id))
        .get()
        .satisfies(manifest -> assertThat(manifest.totalRows()).isEqualTo(snapshot.totalRows()));
  }

  @Test
  void a_snapshot_of_a_database_a_relay_ran_on_leaves_the_relays_offsets_out_and_restores()
      throws Exception {
    // a bucket of its own: snapshot ids are to the second, and a snapshot taken in the same second
    // as the class's one would replace it for the tests that restore that one
    BackupBucket bucket = new BackupBucket();
    DatabaseOptions relayed = database(createDatabase("snap_relayed"));
    SchemaMigrations.migrate(
        relayed.dataSource(), Map.of("public", "latest", "consumers", "latest"));
    try (Connection connection = relayed.connect();
        Statement statement = connection.createStatement()) {
      statement.execute(SEED);
      statement.execute(RELAY_OFFSETS);
    }
    Ops.Run take =
        Ops.run(
            bucket.command(
                "backup",
                "snapshot",
                "--database-url",
                relayed.displayUrl(),
                "--database-user",
                Ops.stack().databaseUser(),
                "--database-password",
                Ops.stack().databasePassword()));
    assertThat(take.exitCode()).as(take.toString()).isEqualTo(OpsExit.OK);
    String id = take.out().substring("Snapshot ".length(), take.out().indexOf(" of "));
    assertThat(new SnapshotCatalog(bucket.store, Clock.systemUTC()).find(id).orElseThrow().tables())
        .extracting(SnapshotManifest.Table::name)
        .doesNotContain("relay_offsets")
        .contains("outbox");

    String target = createDatabase("snap_relayed_target");
    Ops.Run restore =
        Ops.run(
            bucket.command(
                "backup",
                "restore-snapshot",
                id,
                "--database-url",
                jdbcUrl(target),
                "--database-user",
                Ops.stack().databaseUser(),
                "--database-password",
                Ops.stack().databasePassword()));

    assertThat(restore.exitCode()).as(restore.toString()).isEqualTo(OpsExit.OK);
    Map<String, List<String>> original = everyTable(relayed);
    original.remove("public.relay_offsets");
    assertThat(everyTable(database(target))).isEqualTo(original);
    bucket.store.close();
  }

  @Test
  void a_snapshot_taken_before_the_relays_offsets_were_left_out_restores_without_them()
      throws Exception {
    // what the nightly snapshot of a deployment held until now: the relay's offsets as one more
    // table
    Path zip = Files.createTempFile("old-snapshot-", ".zip");
    Path old = Files.createTempFile("old-snapshot-", ".zip");
    SnapshotCatalog catalog = new SnapshotCatalog(bucket.store, Clock.systemUTC());
    catalog.download(snapshot, zip);
    List<String> columns =
        List.of("id", "offset_key", "offset_val", "record_insert_ts", "record_insert_seq");
    SnapshotManifest.Table offsets =
        new SnapshotManifest.Table("public", "relay_offsets", columns, 1);
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    try (ZipFile in = new ZipFile(zip.toFile());
        ZipOutputStream out =
            new ZipOutputStream(new DigestOutputStream(Files.newOutputStream(old), sha256))) {
      for (ZipEntry entry : java.util.Collections.list(in.entries())) {
        out.putNextEntry(new ZipEntry(entry.getName()));
        in.getInputStream(entry).transferTo(out);
        out.closeEntry();
      }
      out.putNextEntry(new ZipEntry(offsets.entry()));
      out.write(
          ("6f1d2c1e-0000-4000-8000-000000000001\t[\"digitaltowns-outbox-relay\",{\"server\":\"dt\"}]\t"
                  + "{\"lsn\":987654321}\t2026-11-29 01:59:58\t1\n")
              .getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    String id = snapshot.id() + "-with-relay-offsets";
    String dataKey = "snapshots/" + id + "/data.zip";
    List<SnapshotManifest.Table> tables = new ArrayList<>(snapshot.tables());
    tables.add(offsets);
    bucket.store.upload(dataKey, old);
    bucket.store.upload(
        "snapshots/" + id + "/manifest.json",
        new SnapshotManifest(
                snapshot.formatVersion(),
                id,
                snapshot.takenAt(),
                snapshot.serverVersion(),
                snapshot.schemaVersions(),
                tables,
                snapshot.sequences(),
                dataKey,
                Files.size(old),
                HexFormat.of().formatHex(sha256.digest()))
            .toJson(),
        "application/json");
    Files.delete(zip);
    Files.delete(old);

    String target = createDatabase("snap_old");
    Ops.Run restore =
        Ops.run(
            bucket.command(
                "backup",
                "restore-snapshot",
                id,
                "--database-url",
                jdbcUrl(target),
                "--database-user",
                Ops.stack().databaseUser(),
                "--database-password",
                Ops.stack().databasePassword()));

    assertThat(restore.exitCode()).as(restore.toString()).isEqualTo(OpsExit.OK);
    assertThat(restore.out())
        .contains("Not restored: public.relay_offsets (1 rows)")
        .contains(snapshot.totalRows() + " rows restored");
    assertThat(everyTable(database(target))).isEqualTo(everyTable(source));
  }

  /**
   * The table Debezium's JDBC offset store creates at the relay's first start, with a position in
   * it.
   */
  private static final String RELAY_OFFSETS =
      """
      CREATE TABLE relay_offsets (id VARCHAR(36) NOT NULL, offset_key VARCHAR(1255), offset_val VARCHAR(1255),
        record_insert_ts TIMESTAMP NOT NULL, record_insert_seq INTEGER NOT NULL);
      INSERT INTO relay_offsets VALUES ('6f1d2c1e-0000-4000-8000-000000000001',
        '["digitaltowns-outbox-relay",{"server":"dt"}]', '{"lsn":987654321}', now(), 1);
      """;

  /** Every row of every table of the schemas, each as text in a fixed order, by table. */
  private static Map<String, List<String>> everyTable(DatabaseOptions database) throws Exception {
    Map<String, List<String>> tables = new LinkedHashMap<>();
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      List<String> names = new ArrayList<>();
      try (ResultSet rows =
          statement.executeQuery(
              "SELECT table_schema || '.' || table_name FROM information_schema.tables"
                  + " WHERE table_type = 'BASE TABLE' AND table_schema IN ('public', 'consumers')"
                  + " AND table_name NOT LIKE 'flyway%' ORDER BY 1")) {
        while (rows.next()) {
          names.add(rows.getString(1));
        }
      }
      for (String name : names) {
        List<String> rows = new ArrayList<>();
        try (ResultSet all =
            statement.executeQuery("SELECT t::text FROM " + name + " t ORDER BY t::text")) {
          while (all.next()) {
            rows.add(all.getString(1));
          }
        }
        tables.put(name, rows);
      }
    }
    return tables;
  }

  private static Map<String, String> schemaVersions(DatabaseOptions database) throws Exception {
    Map<String, String> versions = new LinkedHashMap<>();
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      for (String table :
          List.of("public.flyway_schema_history", "consumers.flyway_consumers_history")) {
        try (ResultSet row =
            statement.executeQuery(
                "SELECT max(installed_rank), string_agg(version, ',' ORDER BY installed_rank) FROM "
                    + table)) {
          row.next();
          versions.put(table, row.getString(2));
        }
      }
    }
    return versions;
  }

  private static String createDatabase(String prefix) throws Exception {
    String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    try (Connection admin = database(null).connect();
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    }
    return name;
  }

  private static String jdbcUrl(String name) {
    return name == null
        ? Ops.stack().jdbcUrl()
        : Ops.stack().jdbcUrl().replaceFirst("/[^/?]+(\\?.*)?$", "/" + name);
  }

  private static DatabaseOptions database(String name) {
    return new DatabaseOptions(
        jdbcUrl(name), Ops.stack().databaseUser(), Ops.stack().databasePassword());
  }

  /**
   * Rows in every table, with what COPY text must escape: tabs, newlines, backslashes, quotes,
   * NULLs, bytes.
   */
  private static final String SEED =
      """
      INSERT INTO users (id, email, display_name, password_hash, email_verified, created_at, suspended, updated_at) VALUES
        ('00000000-0000-0000-0000-000000000001', 'ada@example.org', 'Ada	Lovelace', '$2a$11$abc\\def', true, '2025-01-01T10:00:00Z', false, NULL),
        ('00000000-0000-0000-0000-000000000002', 'grace@example.org', E'Grace\\nHopper "Amazing"', NULL, false, '2025-01-02T10:00:00.123456Z', false, now()),
        ('00000000-0000-0000-0000-000000000003', 'zoë@example.org', 'Zoë 🙂 \\N', NULL, true, '2025-01-03T10:00:00Z', true, now());
      INSERT INTO user_roles (user_id, role) VALUES
        ('00000000-0000-0000-0000-000000000001', 'ADMIN'), ('00000000-0000-0000-0000-000000000002', 'BUSINESS_OWNER'),
        ('00000000-0000-0000-0000-000000000003', 'RESIDENT');
      INSERT INTO refresh_tokens (id, family_id, user_id, token_hash, issued_at, expires_at, session_started_at) VALUES
        (gen_random_uuid(), gen_random_uuid(), '00000000-0000-0000-0000-000000000001', 'hash-1', now(), now() + interval '30 days',
         now() - interval '2 days');
      INSERT INTO email_link_tokens (token_hash, user_id, purpose, expires_at) VALUES
        ('link-1', '00000000-0000-0000-0000-000000000002', 'VERIFY_EMAIL', now() + interval '1 day');
      INSERT INTO user_identities (provider, subject, user_id, linked_at) VALUES
        ('google', '1234567890', '00000000-0000-0000-0000-000000000003', now());
      INSERT INTO towns (id, slug, name, region, timezone, created_at, updated_at) VALUES
        ('00000000-0000-0000-0000-00000000a001', 'lindau', 'Lindau (Bodensee)', 'Bayern', 'Europe/Berlin', now(), NULL),
        ('00000000-0000-0000-0000-00000000a002', 'kempten', 'Kempten', NULL, 'Europe/Berlin', now(), now());
      INSERT INTO businesses (id, town_id, owner_id, name, category, description, address, phone, website, latitude,
                              longitude, status, rejection_reason, featured) VALUES
        ('00000000-0000-0000-0000-00000000b001', '00000000-0000-0000-0000-00000000a001',
         '00000000-0000-0000-0000-000000000002', 'Bäckerei Hopper', 'bakery', E'Fresh bread\\nsince 1906\\t\\\\ and more',
         'Hauptstr. 1', '+49 8382 1', 'https://example.org', 47.5459, 9.6839, 'PUBLISHED', NULL, true),
        ('00000000-0000-0000-0000-00000000b002', '00000000-0000-0000-0000-00000000a002',
         '00000000-0000-0000-0000-000000000002', 'Draft Shop', 'shop', '', NULL, NULL, NULL, NULL, NULL, 'REJECTED',
         'Photos missing', false);
      INSERT INTO business_opening_hours (business_id, weekday, opens, closes) VALUES
        ('00000000-0000-0000-0000-00000000b001', 1, '07:00', '12:30'), ('00000000-0000-0000-0000-00000000b001', 1, '14:00', '18:00');
      INSERT INTO business_photos (id, business_id, object_key, content_type, size_bytes, status, position, cover, expires_at, attached_at) VALUES
        (gen_random_uuid(), '00000000-0000-0000-0000-00000000b001', 'photos/b001/1.jpg', 'image/jpeg', 123456, 'ATTACHED', 0, true, NULL, now()),
        (gen_random_uuid(), '00000000-0000-0000-0000-00000000b001', 'photos/b001/2.png', 'image/png', 999, 'PENDING', NULL, false, now() + interval '10 minutes', NULL);
      INSERT INTO business_billing (business_id, stripe_customer_id, subscription_id, status, current_period_end) VALUES
        ('00000000-0000-0000-0000-00000000b001', 'cus_1', 'sub_1', 'active', '2026-12-01T00:00:00Z');
      INSERT INTO stripe_events (id, type, created, livemode, api_version, object_type, object_id, subscription_id, customer_id, payload) VALUES
        ('evt_1', 'customer.subscription.updated', now(), false, '2025-01-27', 'subscription', 'sub_1', 'sub_1', 'cus_1',
         '{"id": "evt_1", "data": {"object": {"note": "tab\\there \\\\ \\"quoted\\""}}}');
      INSERT INTO applied_stripe_events (event_id, type, business_id, outcome) VALUES
        ('evt_1', 'customer.subscription.updated', '00000000-0000-0000-0000-00000000b001', 'applied');
      INSERT INTO billing_subscriptions (subscription_id, business_id, customer_id, status, current_period_end) VALUES
        ('sub_1', '00000000-0000-0000-0000-00000000b001', 'cus_1', 'active', '2026-12-01T00:00:00Z');
      INSERT INTO billing_invoice_payments (invoice_id, attempt, subscription_id, business_id, outcome, billing_reason, amount, currency) VALUES
        ('in_1', 0, 'sub_1', '00000000-0000-0000-0000-00000000b001', 'paid', 'subscription_create', 1900, 'eur');
      INSERT INTO outbox (id, topic, aggregate_type, aggregate_id, event_type, trace_id, occurred_at, payload) VALUES
        (gen_random_uuid(), 'dt.accounts.events', 'accounts', '00000000-0000-0000-0000-000000000001', 'UserRegistered', NULL, now(), '\\x0000000001deadbeef0a09'::bytea);
      INSERT INTO consumers.processed_events (consumer_group, event_id, processed_at) VALUES
        ('email', 'event-1', now()), ('crm-sync', 'event-1', now());
      INSERT INTO consumers.crm_contacts (user_id, hubspot_contact_id, synced_at) VALUES ('00000000-0000-0000-0000-000000000001', '1001', now());
      INSERT INTO consumers.crm_companies (business_id, hubspot_company_id, synced_at) VALUES ('00000000-0000-0000-0000-00000000b001', '2001', now());
      INSERT INTO consumers.crm_erased_users (user_id, erased_at) VALUES ('00000000-0000-0000-0000-000000000099', now());
      """;
}
