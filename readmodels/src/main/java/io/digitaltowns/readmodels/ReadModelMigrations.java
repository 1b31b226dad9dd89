package io.digitaltowns.readmodels;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The read models' tables live in schema {@code consumers} and share the consumers' Flyway history
 * ({@code flyway_consumers_history}, one version sequence): they were created there before this
 * module owned them, so a database migrated then sees the same versions and checksums and migrates
 * nothing again. The consumers (the writers) apply them at start, listing {@link #LOCATION} beside
 * their own location (consumers.yml); tests of a reader apply them from this module's jar with
 * {@link #migrate(DataSource)}. Versions: V3 (CRM view), V5 (analytics figures); the consumers' own
 * migrations use the other numbers of the same sequence.
 */
public final class ReadModelMigrations {

  public static final String LOCATION = "classpath:db/migration/readmodels";
  public static final String SCHEMA = "consumers";
  public static final String HISTORY_TABLE = "flyway_consumers_history";

  private ReadModelMigrations() {}

  /**
   * Creates or updates the read models' tables, as the consumers' start does (without the
   * consumers' own tables).
   */
  public static void migrate(DataSource dataSource) {
    Flyway.configure()
        .dataSource(dataSource)
        .locations(LOCATION)
        .schemas(SCHEMA)
        .defaultSchema(SCHEMA)
        .createSchemas(true)
        .table(HISTORY_TABLE)
        .load()
        .migrate();
  }
}
