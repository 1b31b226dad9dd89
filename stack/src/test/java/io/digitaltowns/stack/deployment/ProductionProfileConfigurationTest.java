package io.digitaltowns.stack.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.zaxxer.hikari.HikariConfig;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

/**
 * Every deployment runs SPRING_PROFILES_ACTIVE=prod, so the prod document of each service's configuration must
 * bind the way Spring Boot binds it at start: the connection pool settings are bound onto Hikari's own setters
 * ({@code long} milliseconds, where a {@code 5s} cannot be converted and the service does not start). Issue 9's
 * pool rule: at most 20 connections, connect timeout 5 s, idle timeout 30 s.
 */
class ProductionProfileConfigurationTest {

  @ParameterizedTest
  @ValueSource(strings = {"api/src/main/resources/api.yml", "relay/src/main/resources/relay.yml",
      "consumers/src/main/resources/consumers.yml"})
  void the_prod_pool_settings_bind_and_follow_the_rule(String configFile) throws IOException {
    PropertySource<?> prod = prodDocument(configFile);
    Binder binder = new Binder(ConfigurationPropertySources.from(prod), null,
        ApplicationConversionService.getSharedInstance());
    HikariConfig pool = new HikariConfig();
    assertThatCode(() -> binder.bind("spring.datasource.hikari", Bindable.ofInstance(pool)))
        .as(configFile + ": spring.datasource.hikari must bind to HikariDataSource (timeouts in milliseconds)")
        .doesNotThrowAnyException();
    assertThat(pool.getMaximumPoolSize()).as(configFile + " pool size").isBetween(1, 20);
    assertThat(pool.getConnectionTimeout()).as(configFile + " connect timeout (ms)").isEqualTo(5_000);
    assertThat(pool.getIdleTimeout()).as(configFile + " idle timeout (ms)").isEqualTo(30_000);
  }

  /** The YAML document activated by {@code on-profile: prod}, as Spring Boot's own loader reads it. */
  private static PropertySource<?> prodDocument(String configFile) throws IOException {
    List<PropertySource<?>> documents = new YamlPropertySourceLoader()
        .load(configFile, new FileSystemResource(RepositoryFiles.path(configFile)));
    return documents.stream()
        .filter(document -> "prod".equals(String.valueOf(document.getProperty("spring.config.activate.on-profile"))))
        .findFirst()
        .orElseThrow(() -> new AssertionError(configFile + " has no document for the prod profile"));
  }
}
