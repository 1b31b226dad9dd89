package io.digitaltowns.platform.production;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * With the {@code prod} profile, a service refuses to start when a setting it needs is missing,
 * with one line that names the variable, instead of starting on local defaults. Each service
 * lists its own in {@code digitaltowns.production.required-variables}.
 */
public class ProductionSettingsCheck implements EnvironmentPostProcessor, Ordered {

  private final Log log;

  /** Boot hands post-processors a deferred log: logging is not set up yet when they run. */
  public ProductionSettingsCheck(DeferredLogFactory logs) {
    this.log = logs.getLog(ProductionSettingsCheck.class);
  }

  static final String REQUIRED = "digitaltowns.production.required-variables";
  /** secrets that sign or derive tokens: shorter ones are guessable */
  private static final List<String> KEYS = List.of("JWT_SECRET", "EMAIL_LINK_SECRET");
  private static final int MIN_KEY_BYTES = 32;

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!environment.acceptsProfiles(Profiles.of("prod"))) {
      return;
    }
    String required = environment.getProperty(REQUIRED, "");
    List<String> variables = Arrays.stream(required.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
    // whether each is set, never its value
    log.info("Production settings: " + String.join(", ", variables.stream()
        .map(v -> v + (isBlank(environment.getProperty(v)) ? " missing" : " set")).toList()));
    for (String variable : variables) {
      String value = environment.getProperty(variable);
      if (value == null || value.isBlank()) {
        throw new MissingProductionSettingException(variable + " is not set; the prod profile needs it");
      }
      if (KEYS.contains(variable) && value.getBytes(StandardCharsets.UTF_8).length < MIN_KEY_BYTES) {
        throw new MissingProductionSettingException(variable + " is shorter than " + MIN_KEY_BYTES + " bytes");
      }
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  /** Stack traces add nothing here: the message says what to set. */
  static final class MissingProductionSettingException extends IllegalStateException {
    MissingProductionSettingException(String message) {
      super(message);
      setStackTrace(new StackTraceElement[0]);
    }
  }
}
