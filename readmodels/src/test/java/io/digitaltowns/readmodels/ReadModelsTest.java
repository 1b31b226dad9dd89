package io.digitaltowns.readmodels;

import static org.assertj.core.api.Assertions.assertThat;

import io.digitaltowns.infra.postgres.PostgresServer;
import io.digitaltowns.readmodels.analytics.AnalyticsFiguresQueries;
import io.digitaltowns.readmodels.analytics.AnalyticsFiguresTable;
import io.digitaltowns.readmodels.crm.Activity;
import io.digitaltowns.readmodels.crm.ActivityKind;
import io.digitaltowns.readmodels.crm.Companies;
import io.digitaltowns.readmodels.crm.Contacts;
import io.digitaltowns.readmodels.crm.CrmCompany;
import io.digitaltowns.readmodels.crm.CrmViewQueries;
import io.digitaltowns.readmodels.crm.Deals;
import io.digitaltowns.readmodels.crm.ErasedUsers;
import io.digitaltowns.readmodels.crm.Timeline;
import io.digitaltowns.readmodels.crm.TimelineEntry;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The read models' own migrations on a real PostgreSQL, written by the consumers' side and read by
 * the api's.
 */
class ReadModelsTest {

  @TempDir static Path data;

  private static PostgresServer postgres;
  private static JdbcClient jdbc;

  @BeforeAll
  static void migrated() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    postgres = new PostgresServer(data.resolve("pg"), port);
    postgres.start();
    ReadModelMigrations.migrate(postgres.dataSource());
    jdbc = JdbcClient.create(postgres.dataSource());
  }

  @AfterAll
  static void stop() {
    postgres.stop();
  }

  @Test
  void
      the_migrations_keep_the_consumers_history_and_versions_so_an_existing_database_migrates_nothing_again() {
    assertThat(
            jdbc.sql(
                    """
            SELECT version || ' ' || script FROM consumers.flyway_consumers_history
            WHERE version IS NOT NULL ORDER BY installed_rank
            """)
                .query(String.class)
                .list())
        .containsExactly("3 V3__crm_read_model.sql", "5 V5__analytics.sql");
    ReadModelMigrations.migrate(postgres.dataSource());
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM consumers.flyway_consumers_history WHERE version IS NOT NULL")
                .query(Long.class)
                .single())
        .isEqualTo(2);
  }

  @Test
  void what_the_crm_group_writes_the_crm_service_reads() {
    ErasedUsers erased = new ErasedUsers(jdbc);
    Contacts contacts = new Contacts(jdbc, erased);
    Companies companies = new Companies(jdbc, erased);
    Deals deals = new Deals(jdbc);
    Timeline timeline = new Timeline(jdbc);
    CrmViewQueries queries = new CrmViewQueries(jdbc);
    String owner = UUID.randomUUID().toString();
    String business = UUID.randomUUID().toString();
    Instant at = Instant.parse("2026-03-01T10:00:00Z");

    contacts.registered(owner, "olive@example.org", "Olive Baker", "PASSWORD", at);
    companies.upsert(
        new Companies.Listing(
            business,
            "town",
            "Olive's Bakery",
            "BAKERY",
            owner,
            "Olive Baker",
            "olive@example.org"),
        "PUBLISHED",
        at);
    deals.apply(new Deals.Change("sub_1", business, "cus_1", "active", at), null, 1_500L, "eur");
    timeline.record(
        Activity.of("event-1", at, ActivityKind.APPROVED, "Listing approved").business(business));

    CrmCompany company = queries.company(business).orElseThrow();
    assertThat(company.name()).isEqualTo("Olive's Bakery");
    assertThat(company.dealStatus()).isEqualTo("active");
    assertThat(company.revenueMinor()).isEqualTo(1_500L);
    assertThat(queries.companies("olive's", 10))
        .extracting(CrmCompany::id)
        .containsExactly(business);
    assertThat(queries.contacts("OLIVE@", 10))
        .singleElement()
        .satisfies(contact -> assertThat(contact.id()).isEqualTo(owner));
    assertThat(queries.timelineOfCompany(business))
        .extracting(TimelineEntry::kind)
        .containsExactly("APPROVED");

    contacts.erase(owner);
    assertThat(queries.contact(owner)).isEmpty();
    assertThat(queries.company(business).orElseThrow().ownerName()).isNull();
  }

  @Test
  void what_the_analytics_sink_writes_the_admins_read_by_day_or_by_key() {
    Schema key =
        SchemaBuilder.record("Key")
            .fields()
            .requiredString("townId")
            .requiredString("dayUtc")
            .endRecord();
    Schema value =
        SchemaBuilder.record("Value")
            .fields()
            .requiredString("dayUtc")
            .requiredLong("signups")
            .endRecord();
    AnalyticsFiguresTable table = new AnalyticsFiguresTable(jdbc);
    AnalyticsFiguresQueries queries = new AnalyticsFiguresQueries(jdbc);
    table.put(
        "dt.analytics.test-daily",
        record(key, "all", "2026-03-02"),
        figures(value, "2026-03-02", 1));
    table.put(
        "dt.analytics.test-daily",
        record(key, "all", "2026-03-01"),
        figures(value, "2026-03-01", 4));
    table.put(
        "dt.analytics.test-daily",
        record(key, "all", "2026-04-01"),
        figures(value, "2026-04-01", 9));

    assertThat(
            queries.daily(
                "dt.analytics.test-daily",
                LocalDate.parse("2026-03-01"),
                LocalDate.parse("2026-03-31")))
        .containsExactly(
            "{\"dayUtc\": \"2026-03-01\", \"signups\": 4}",
            "{\"dayUtc\": \"2026-03-02\", \"signups\": 1}");
    table.remove("dt.analytics.test-daily", record(key, "all", "2026-04-01"));
    assertThat(queries.latest("dt.analytics.test-daily")).hasSize(2);
    assertThat(queries.latest("dt.analytics.unknown")).isEmpty();
  }

  private static GenericRecord record(Schema schema, String town, String day) {
    GenericRecord record = new GenericData.Record(schema);
    record.put("townId", town);
    record.put("dayUtc", day);
    return record;
  }

  private static GenericRecord figures(Schema schema, String day, long signups) {
    GenericRecord record = new GenericData.Record(schema);
    record.put("dayUtc", day);
    record.put("signups", signups);
    return record;
  }
}
