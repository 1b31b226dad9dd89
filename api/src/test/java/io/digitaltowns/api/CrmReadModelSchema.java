package io.digitaltowns.api;

import io.digitaltowns.infra.LocalStack;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;

/**
 * The CRM endpoints read tables the consumers own ({@code consumers.crm_view_*}). Tests of the api
 * create them as the consumers do at start: the consumers module's own migrations, with its Flyway
 * settings (consumers.yml), run once per test JVM.
 */
public final class CrmReadModelSchema {

  private static final Path MIGRATIONS = Path.of("../consumers/src/main/resources/db/migration/consumers");
  private static boolean migrated;

  private CrmReadModelSchema() {
  }

  public static synchronized void ensure(LocalStack stack) {
    if (migrated) {
      return;
    }
    if (!Files.isDirectory(MIGRATIONS)) {
      throw new IllegalStateException("the consumers' migrations are not at " + MIGRATIONS.toAbsolutePath());
    }
    Flyway.configure()
        .dataSource(stack.jdbcUrl(), stack.databaseUser(), stack.databasePassword())
        .locations("filesystem:" + MIGRATIONS.toAbsolutePath())
        .schemas("consumers").defaultSchema("consumers").createSchemas(true)
        .table("flyway_consumers_history")
        .load()
        .migrate();
    migrated = true;
  }
}
