package io.digitaltowns.stack.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.digitaltowns.backup.store.BackupStorageSettings;
import io.digitaltowns.platform.database.DatabaseUrl;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.unit.DataSize;

/**
 * Issue 16, finding 15: no settings record prints a secret. Walks every
 * {@code @ConfigurationProperties} record of every service (this module sees them all), the records
 * nested in them, and the other settings records that hold a credential; fills each string
 * component whose name says secret (password, token, key...) with a unique value and asserts that
 * {@code toString} shows none of them.
 */
class ConfigurationSecretsTest {

  private static final Pattern SECRET_NAME =
      Pattern.compile("(?i).*(secret|password|token|appkey|apikey|privatekey|credential|jaas).*");

  /** Settings records that are not bound by Spring but hold a credential all the same. */
  private static final List<Class<?>> OTHER_SETTINGS =
      List.of(DatabaseUrl.class, BackupStorageSettings.class);

  @Test
  void no_settings_record_shows_a_secret_in_its_to_string() throws Exception {
    Set<Class<?>> records = settingsRecords();
    List<String> checked = new ArrayList<>();
    for (Class<?> type : records) {
      // by name: getRecordComponents() makes new objects on each call, and RecordComponent has no
      // equals
      List<String> secrets =
          List.of(type.getRecordComponents()).stream()
              .filter(
                  component ->
                      component.getType() == String.class
                          && SECRET_NAME.matcher(component.getName()).matches())
              .map(RecordComponent::getName)
              .toList();
      if (secrets.isEmpty()) {
        continue;
      }
      Object[] values = new Object[type.getRecordComponents().length];
      List<String> secretValues = new ArrayList<>();
      for (int i = 0; i < values.length; i++) {
        RecordComponent component = type.getRecordComponents()[i];
        if (secrets.contains(component.getName())) {
          String secret = "secret-" + component.getName() + "-" + UUID.randomUUID();
          secretValues.add(secret);
          values[i] = secret;
        } else {
          values[i] = sample(component.getName(), component.getGenericType());
        }
      }
      Constructor<?> constructor =
          type.getDeclaredConstructor(
              List.of(type.getRecordComponents()).stream()
                  .map(RecordComponent::getType)
                  .toArray(Class<?>[]::new));
      constructor.setAccessible(true);
      String printed = constructor.newInstance(values).toString();
      for (String secret : secretValues) {
        assertThat(printed).as("%s.toString()", type.getName()).doesNotContain(secret);
        // nor a recognisable part of it
        assertThat(printed)
            .as("%s.toString()", type.getName())
            .doesNotContain(secret.substring(secret.length() - 12));
      }
      checked.add(type.getSimpleName());
    }
    System.out.println("settings records with secrets checked: " + checked.size() + " " + checked);
    assertThat(checked)
        .contains(
            "JwtProperties",
            "EmailLinkProperties",
            "SchemaRegistryProperties",
            "StripeProperties",
            "HubSpotProperties",
            "EmailProperties",
            "StorageProperties",
            "CloudflareCallsProperties",
            "Google",
            "Facebook",
            "DatabaseUrl",
            "BackupStorageSettings");
  }

  /**
   * Every @ConfigurationProperties record under io.digitaltowns, the others above, and the records
   * inside them.
   */
  private static Set<Class<?>> settingsRecords() throws ClassNotFoundException {
    ClassPathScanningCandidateComponentProvider scanner =
        new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
    Set<Class<?>> roots = new LinkedHashSet<>(OTHER_SETTINGS);
    for (BeanDefinition candidate : scanner.findCandidateComponents("io.digitaltowns")) {
      roots.add(Class.forName(candidate.getBeanClassName()));
    }
    Set<Class<?>> records = new LinkedHashSet<>();
    roots.forEach(root -> collect(root, records));
    assertThat(records).hasSizeGreaterThan(10);
    return records;
  }

  private static void collect(Class<?> type, Set<Class<?>> records) {
    if (!type.isRecord() || !records.add(type)) {
      return;
    }
    for (RecordComponent component : type.getRecordComponents()) {
      collect(component.getType(), records);
    }
  }

  /**
   * A plausible value of a component that is not a secret, enough for the records' own checks to
   * pass.
   */
  private static Object sample(String name, Type type) throws Exception {
    Class<?> raw =
        type instanceof ParameterizedType parameterized
            ? (Class<?>) parameterized.getRawType()
            : (Class<?>) type;
    if (raw == String.class) {
      String lower = name.toLowerCase();
      if (lower.contains("url")
          || lower.contains("uri")
          || lower.contains("endpoint")
          || lower.contains("base")) {
        return "https://example.org";
      }
      return lower.contains("from") || lower.contains("email") ? "a@example.org" : "x";
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return false;
    }
    if (raw == int.class || raw == Integer.class) {
      return 1;
    }
    if (raw == long.class || raw == Long.class) {
      return 1L;
    }
    if (raw == double.class || raw == Double.class) {
      return 1.0;
    }
    if (raw == Duration.class) {
      return Duration.ofSeconds(1);
    }
    if (raw == DataSize.class) {
      return DataSize.ofMegabytes(1);
    }
    if (raw == URI.class) {
      return URI.create("https://example.org/");
    }
    if (raw == Path.class) {
      return Path.of("target");
    }
    if (raw == ZoneId.class) {
      return ZoneId.of("UTC");
    }
    if (raw == List.class || raw == java.util.Collection.class) {
      return List.of();
    }
    if (raw == Set.class) {
      return Set.of();
    }
    if (raw == Map.class) {
      return Map.of();
    }
    if (raw.isEnum()) {
      return raw.getEnumConstants()[0];
    }
    if (raw.isRecord()) {
      Object[] values = new Object[raw.getRecordComponents().length];
      for (int i = 0; i < values.length; i++) {
        values[i] =
            sample(
                raw.getRecordComponents()[i].getName(),
                raw.getRecordComponents()[i].getGenericType());
      }
      Constructor<?> constructor =
          raw.getDeclaredConstructor(
              List.of(raw.getRecordComponents()).stream()
                  .map(RecordComponent::getType)
                  .toArray(Class<?>[]::new));
      constructor.setAccessible(true);
      return constructor.newInstance(values);
    }
    return null;
  }
}
