package io.digitaltowns.api;

import io.digitaltowns.infra.LocalStack;
import io.digitaltowns.readmodels.ReadModelMigrations;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The CRM endpoints and the analytics pages read tables the consumers write ({@code
 * consumers.crm_view_*}, {@code consumers.analytics_figures}). Tests of the api create them as the
 * consumers do at start: with the migrations of their owner, the readmodels module (from its jar,
 * its Flyway settings), once per test JVM.
 */
public final class CrmReadModelSchema {

  private static boolean migrated;

  private CrmReadModelSchema() {}

  public static synchronized void ensure(LocalStack stack) {
    if (migrated) {
      return;
    }
    ReadModelMigrations.migrate(
        new DriverManagerDataSource(
            stack.jdbcUrl(), stack.databaseUser(), stack.databasePassword()));
    migrated = true;
  }
}
