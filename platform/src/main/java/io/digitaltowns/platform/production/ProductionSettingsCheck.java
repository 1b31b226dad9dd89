package io.digitaltowns.platform.production;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * With the {@code prod} profile, a service refuses to start when a setting it needs is missing,
 * with one line that names the variables, instead of starting on local defaults. Each service lists
 * its own in {@code digitaltowns.production.required-variables}; a part that can be switched off (a
 * consumer group) lists its own under {@code digitaltowns.production.groups.<name>}, checked only
 * while its switch is true, so a worker that runs another group needs none of them.
 */
public class ProductionSettingsCheck implements EnvironmentPostProcessor, Ordered {

  private final Log log;

  /** Boot hands post-processors a deferred log: logging is not set up yet when they run. */
  public ProductionSettingsCheck(DeferredLogFactory logs) {
    this.log = logs.getLog(ProductionSettingsCheck.class);
  }

  static final String REQUIRED = "digitaltowns.production.required-variables";
  static final String GROUPS = "digitaltowns.production.groups";

  /** secrets that sign or derive tokens: shorter ones are guessable */
  private static final List<String> KEYS = List.of("JWT_SECRET", "EMAIL_LINK_SECRET");

  private static final int MIN_KEY_BYTES = 32;

  /**
   * A part of the service with its own settings.
   *
   * @param when the property that switches it on ({@code true}); blank: always on
   * @param requiredVariables what it needs while on, comma-separated
   */
  public record Group(String when, String requiredVariables) {

    boolean isOn(ConfigurableEnvironment environment) {
      return when == null
          || when.isBlank()
          || Boolean.parseBoolean(environment.getProperty(when.strip(), "false"));
    }
  }

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    if (!environment.acceptsProfiles(Profiles.of("prod"))) {
      return;
    }
    List<String> variables = names(environment.getProperty(REQUIRED, ""));
    Map<String, Group> groups =
        new TreeMap<>(
            Binder.get(environment)
                .bind(GROUPS, Bindable.mapOf(String.class, Group.class))
                .orElse(Map.of()));
    // whether each is set, never its value
    StringBuilder report =
        new StringBuilder("Production settings: ").append(setOrMissing(environment, variables));
    groups.forEach(
        (name, group) ->
            report
                .append("; ")
                .append(name)
                .append(" group ")
                .append(
                    group.isOn(environment)
                        ? "on: " + setOrMissing(environment, names(group.requiredVariables()))
                        : "off"));
    log.info(report.toString());

    List<String> problems = new ArrayList<>();
    List<String> missing = missing(environment, variables);
    if (!missing.isEmpty()) {
      problems.add(
          String.join(", ", missing)
              + (missing.size() == 1 ? " is" : " are")
              + " not set; the prod profile needs "
              + (missing.size() == 1 ? "it" : "them"));
    }
    groups.forEach(
        (name, group) -> {
          List<String> missingInGroup =
              group.isOn(environment)
                  ? missing(environment, names(group.requiredVariables()))
                  : List.of();
          if (!missingInGroup.isEmpty()) {
            problems.add(
                "the "
                    + name
                    + " group is on ("
                    + group.when()
                    + ") and needs "
                    + String.join(", ", missingInGroup)
                    + ", not set");
          }
        });
    if (!problems.isEmpty()) {
      throw new MissingProductionSettingException(String.join("; ", problems));
    }
    List<String> checkedKeys = new ArrayList<>(variables);
    groups.values().stream()
        .filter(group -> group.isOn(environment))
        .forEach(group -> checkedKeys.addAll(names(group.requiredVariables())));
    for (String variable : checkedKeys) {
      String value = environment.getProperty(variable);
      if (KEYS.contains(variable)
          && value.getBytes(StandardCharsets.UTF_8).length < MIN_KEY_BYTES) {
        throw new MissingProductionSettingException(
            variable + " is shorter than " + MIN_KEY_BYTES + " bytes");
      }
    }
  }

  private static List<String> names(String commaSeparated) {
    return commaSeparated == null
        ? List.of()
        : Arrays.stream(commaSeparated.split(","))
            .map(String::trim)
            .filter(v -> !v.isEmpty())
            .toList();
  }

  private static List<String> missing(ConfigurableEnvironment environment, List<String> variables) {
    return variables.stream().filter(v -> isBlank(environment.getProperty(v))).toList();
  }

  private static String setOrMissing(ConfigurableEnvironment environment, List<String> variables) {
    return String.join(
        ", ",
        variables.stream()
            .map(v -> v + (isBlank(environment.getProperty(v)) ? " missing" : " set"))
            .toList());
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
