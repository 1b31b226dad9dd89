package io.digitaltowns.ops.backup;

import io.digitaltowns.readmodels.ReadModelMigrations;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Creates the tables a snapshot's data fits: the services' own Flyway migrations (bundled in this
 * tool), run exactly as the services run them, up to the versions the snapshot's manifest names and
 * no further.
 */
final class SchemaMigrations {

  /** The api's migrations: its tables are in the connection's default schema, {@code public}. */
  static final String API_SCHEMA = "public";

  static final String CONSUMERS_SCHEMA = "consumers";

  private SchemaMigrations() {}

  /**
   * @return per schema, the version migrated to
   */
  static Map<String, String> migrate(DataSource dataSource, Map<String, String> versions) {
    java.util.LinkedHashMap<String, String> applied = new java.util.LinkedHashMap<>();
    String api = versions.get(API_SCHEMA);
    if (api != null) {
      Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:db/migration/api")
          .target(api)
          .load()
          .migrate();
      applied.put(API_SCHEMA, api);
    }
    String consumers = versions.get(CONSUMERS_SCHEMA);
    if (consumers != null) {
      Flyway.configure()
          .dataSource(dataSource)
          // the consumers' own tables and the read models they write (owned by module readmodels),
          // one history
          .locations("classpath:db/migration/consumers", ReadModelMigrations.LOCATION)
          .schemas(CONSUMERS_SCHEMA)
          .defaultSchema(CONSUMERS_SCHEMA)
          .createSchemas(true)
          .table("flyway_consumers_history")
          .target(consumers)
          .load()
          .migrate();
      applied.put(CONSUMERS_SCHEMA, consumers);
    }
    for (String schema : versions.keySet()) {
      if (!applied.containsKey(schema)) {
        throw new IllegalStateException(
            "the snapshot has schema " + schema + ", whose migrations this tool does not know");
      }
    }
    return applied;
  }
}
