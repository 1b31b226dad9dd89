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

  private static final String REQUIRED =
      "DATABASE_URL,JWT_SECRET,KAFKA_BOOTSTRAP_SERVERS,PUBLIC_BASE_URL";
  private static final Map<String, Object> COMPLETE =
      Map.of(
          ProductionSettingsCheck.REQUIRED,
          REQUIRED,
          "DATABASE_URL",
          "postgres://u:pw@db:5432/app?sslmode=require",
          "JWT_SECRET",
          "0123456789abcdef0123456789abcdef-long-enough",
          "KAFKA_BOOTSTRAP_SERVERS",
          "kafka:9092",
          "PUBLIC_BASE_URL",
          "https://town.example");

  @Test
  void the_prod_profile_refuses_to_start_naming_the_missing_variable_only() {
    StandardEnvironment environment =
        environment(
            Map.of(
                ProductionSettingsCheck.REQUIRED,
                REQUIRED,
                "DATABASE_URL",
                "postgres://u:pw@db/app",
                "JWT_SECRET",
                "0123456789abcdef0123456789abcdef-long-enough",
                "PUBLIC_BASE_URL",
                "https://town.example"));
    environment.setActiveProfiles("prod");

    assertThatThrownBy(() -> check().postProcessEnvironment(environment, null))
        .hasMessage("KAFKA_BOOTSTRAP_SERVERS is not set; the prod profile needs it");
  }

  @Test
  void a_short_jwt_secret_is_refused_without_printing_it() {
    StandardEnvironment environment =
        environment(
            Map.of(ProductionSettingsCheck.REQUIRED, "JWT_SECRET", "JWT_SECRET", "tooshort"));
    environment.setActiveProfiles("prod");

    assertThatThrownBy(() -> check().postProcessEnvironment(environment, null))
        .hasMessageContaining("JWT_SECRET is shorter than 32 bytes")
        .hasMessageNotContaining("tooshort");
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

    assertThat(environment.getProperty("spring.datasource.url"))
        .isEqualTo("jdbc:postgresql://db:5432/app?sslmode=require");
    assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("u");
    assertThat(environment.getProperty("spring.datasource.password")).isEqualTo("pw");
  }

  private final java.util.List<String> logged = new java.util.ArrayList<>();

  private ProductionSettingsCheck check() {
    return new ProductionSettingsCheck(
        destination ->
            new org.apache.commons.logging.impl.NoOpLog() {
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

    assertThat(logged)
        .singleElement()
        .asString()
        .contains("JWT_SECRET set", "DATABASE_URL set")
        .doesNotContain("0123456789abcdef", "pw@", "kafka:9092");
  }

  /**
   * The consumers jar as render.yaml runs it: one worker per group, each with only its own group's
   * settings.
   */
  private static Map<String, Object> consumersWorker(String emailEnabled) {
    Map<String, Object> settings =
        new java.util.HashMap<>(
            Map.of(
                ProductionSettingsCheck.REQUIRED,
                "DATABASE_URL,KAFKA_BOOTSTRAP_SERVERS",
                "DATABASE_URL",
                "postgres://u:pw@db:5432/app",
                "KAFKA_BOOTSTRAP_SERVERS",
                "kafka:9092",
                "digitaltowns.production.groups.email.when",
                "digitaltowns.consumers.email.enabled",
                "digitaltowns.production.groups.email.required-variables",
                "EMAIL_LINK_SECRET,PUBLIC_BASE_URL,SMTP_HOST",
                "digitaltowns.production.groups.crm-sync.when",
                "digitaltowns.consumers.crm-sync.enabled",
                "digitaltowns.production.groups.crm-sync.required-variables",
                "HUBSPOT_ACCESS_TOKEN",
                "digitaltowns.consumers.email.enabled",
                "${CONSUMER_EMAIL_ENABLED:true}",
                "digitaltowns.consumers.crm-sync.enabled",
                "${CONSUMER_CRM_SYNC_ENABLED:false}"));
    settings.put("CONSUMER_EMAIL_ENABLED", emailEnabled);
    return settings;
  }

  @Test
  void a_worker_whose_email_group_is_off_starts_without_the_email_settings() {
    StandardEnvironment analyticsWorker = environment(consumersWorker("false"));
    analyticsWorker.setActiveProfiles("prod");

    assertThatCode(() -> check().postProcessEnvironment(analyticsWorker, null))
        .doesNotThrowAnyException();
    assertThat(logged).singleElement().asString().contains("email group off", "crm-sync group off");
  }

  @Test
  void a_worker_whose_email_group_is_on_is_refused_naming_the_group_and_each_missing_setting() {
    Map<String, Object> settings = consumersWorker("true");
    settings.put("PUBLIC_BASE_URL", "https://town.example");
    StandardEnvironment emailWorker = environment(settings);
    emailWorker.setActiveProfiles("prod");

    assertThatThrownBy(() -> check().postProcessEnvironment(emailWorker, null))
        .hasMessage(
            "the email group is on (digitaltowns.consumers.email.enabled) and needs EMAIL_LINK_SECRET, SMTP_HOST, not set");
  }

  @Test
  void each_group_that_is_on_and_the_service_itself_are_named_in_one_refusal() {
    Map<String, Object> settings = consumersWorker("true");
    settings.remove("KAFKA_BOOTSTRAP_SERVERS");
    settings.put("CONSUMER_CRM_SYNC_ENABLED", "true");
    settings.put("EMAIL_LINK_SECRET", "tooshort");
    StandardEnvironment worker = environment(settings);
    worker.setActiveProfiles("prod");

    assertThatThrownBy(() -> check().postProcessEnvironment(worker, null))
        .hasMessage(
            "KAFKA_BOOTSTRAP_SERVERS is not set; the prod profile needs it; "
                + "the crm-sync group is on (digitaltowns.consumers.crm-sync.enabled) and needs HUBSPOT_ACCESS_TOKEN, not set; "
                + "the email group is on (digitaltowns.consumers.email.enabled) and needs PUBLIC_BASE_URL, SMTP_HOST, not set");
  }

  @Test
  void a_short_link_secret_of_a_group_that_is_on_is_refused() {
    Map<String, Object> settings = consumersWorker("true");
    settings.putAll(
        Map.of(
            "PUBLIC_BASE_URL",
            "https://town.example",
            "SMTP_HOST",
            "smtp.example",
            "EMAIL_LINK_SECRET",
            "tooshort"));
    StandardEnvironment worker = environment(settings);
    worker.setActiveProfiles("prod");

    assertThatThrownBy(() -> check().postProcessEnvironment(worker, null))
        .hasMessage("EMAIL_LINK_SECRET is shorter than 32 bytes");
  }

  private static StandardEnvironment environment(Map<String, Object> properties) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
    return environment;
  }
}
