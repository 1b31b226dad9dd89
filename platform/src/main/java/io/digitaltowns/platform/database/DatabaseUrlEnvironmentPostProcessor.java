package io.digitaltowns.platform.database;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Lets DATABASE_URL be given as {@code postgres://user:pass@host:port/db?sslmode=require}: sets the
 * datasource's JDBC URL and, unless DATABASE_USER / DATABASE_PASSWORD say otherwise, its user and
 * password from it.
 */
public class DatabaseUrlEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    String url = environment.getProperty("DATABASE_URL");
    if (!DatabaseUrl.isPlatformForm(url)) {
      return;
    }
    DatabaseUrl database = DatabaseUrl.parse(url);
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("spring.datasource.url", database.jdbcUrl());
    if (database.username() != null && !environment.containsProperty("DATABASE_USER")) {
      settings.put("spring.datasource.username", database.username());
    }
    if (database.password() != null && !environment.containsProperty("DATABASE_PASSWORD")) {
      settings.put("spring.datasource.password", database.password());
    }
    environment.getPropertySources().addFirst(new MapPropertySource("databaseUrl", settings));
  }

  /** After the config files are read. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE - 10;
  }
}
