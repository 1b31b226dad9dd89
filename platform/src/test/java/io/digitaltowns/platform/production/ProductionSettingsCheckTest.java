package io.digitaltowns.platform.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.digitaltowns.platform.database.DatabaseUrlEnvironmentPostProcessor;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class ProductionSettingsCheckTest {

  private static final String REQUIRED = "DATABASE_URL,JWT_SECRET,KAFKA_BOOTSTRAP_SERVERS,PUBLIC_BASE_URL";
  private static final Map<String, Object> COMPLETE = Map.of(
      ProductionSettingsCheck.REQUIRED, REQUIRED,
      "DATABASE_URL", "postgres://u:pw@db:5432/app?sslmode=require",
      "JWT_SECRET", "0123456789abcdef0123456789abcdef-long-enough",
      "KAFKA_BOOTSTRAP_SERVERS", "kafka:9092",
      "PUBLIC_BASE_URL", "https://town.example");

  @Test
  void the_prod_profile_refuses_to_start_naming_the_missing_variable_only() {
    StandardEnvironment environment = environment(Map.of(ProductionSettingsCheck.REQUIRED, REQUIRED,
        "DATABASE_URL", "postgres://u:pw@db/app", "JWT_SECRET", "0123456789abcdef0123456789abcdef-long-enough",
        "PUBLIC_BASE_URL", "https://town.example"));
    environment.setActiveProfiles("prod");

    assertThatThrownBy(() -> check().postProcessEnvironment(environment, null))
        .hasMessage("KAFKA_BOOTSTRAP_SERVERS is not set; the prod profile needs it");
  }

  @Test
  void a_short_jwt_secret_is_refused_without_printing_it() {
    StandardEnvironment environment = environment(Map.of(ProductionSettingsCheck.REQUIRED, "JWT_SECRET",
        "JWT_SECRET", "tooshort"));
    environment.setActiveProfiles("prod");

    assertThatThrownBy(() -> check().postProcessEnvironment(environment, null))
        .hasMessageContaining("JWT_SECRET is shorter than 32 bytes").hasMessageNotContaining("tooshort");
  }

  @Test
  void a_complete_prod_configuration_starts_and_other_profiles_are_not_checked() {
    StandardEnvironment prod = environment(COMPLETE);
    prod.setActiveProfiles("prod");
    assertThatCode(() -> check().postProcessEnvironment(prod, null)).doesNotThrowAnyException();

    StandardEnvironment local = environment(Map.of(ProductionSettingsCheck.REQUIRED, REQUIRED));
    assertThatCode(() -> check().postProcessEnvironment(local, null)).doesNotThrowAnyException();
  }

  @Test
  void a_render_database_url_sets_the_datasource() {
    StandardEnvironment environment = environment(COMPLETE);

    new DatabaseUrlEnvironmentPostProcessor().postProcessEnvironment(environment, null);

    assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db:5432/app?sslmode=require");
    assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("u");
    assertThat(environment.getProperty("spring.datasource.password")).isEqualTo("pw");
  }

  private final java.util.List<String> logged = new java.util.ArrayList<>();

  private ProductionSettingsCheck check() {
    return new ProductionSettingsCheck(destination -> new org.apache.commons.logging.impl.NoOpLog() {
      @Override
      public void info(Object message) {
        logged.add(String.valueOf(message));
      }
    });
  }

  @Test
  void the_log_says_which_settings_are_set_but_never_their_values() {
    StandardEnvironment prod = environment(COMPLETE);
    prod.setActiveProfiles("prod");

    check().postProcessEnvironment(prod, null);

    assertThat(logged).singleElement().asString()
        .contains("JWT_SECRET set", "DATABASE_URL set")
        .doesNotContain("0123456789abcdef", "pw@", "kafka:9092");
  }

  private static StandardEnvironment environment(Map<String, Object> properties) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
    return environment;
  }
}
