package io.digitaltowns.platform.diagnostics;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Set;

/**
 * How a settings record ({@code @ConfigurationProperties} and the like) prints a secret in its
 * {@code toString}: whether it is set, never its value. Spring Boot's failure analysis, the
 * actuator, a debugger or a log line with {@code {}} print settings objects; a password, key or
 * token must not follow them there. Every such record's {@code toString} goes through here
 * (ConfigurationSecretsTest in the stack module checks them all).
 */
public final class Redacted {

  static final String SET = "******";
  static final String UNSET = "<unset>";

  private Redacted() {}

  /**
   * @return {@value #SET} when the secret has a value, {@value #UNSET} when it is null or blank
   */
  public static String secret(String value) {
    return value == null || value.isBlank() ? UNSET : SET;
  }

  /**
   * A record as Java prints it ({@code Name[a=1, b=x]}), with the named components shown only as
   * set or unset. New components are printed without anyone having to remember this method; a new
   * secret must be named here.
   *
   * @param secrets names of the components that hold a secret (strings)
   */
  public static String toString(Record settings, String... secrets) {
    Set<String> hidden = Set.of(secrets);
    StringBuilder text = new StringBuilder(settings.getClass().getSimpleName()).append('[');
    RecordComponent[] components = settings.getClass().getRecordComponents();
    for (int i = 0; i < components.length; i++) {
      String name = components[i].getName();
      Object value = value(settings, components[i].getAccessor());
      text.append(i == 0 ? "" : ", ")
          .append(name)
          .append('=')
          .append(hidden.contains(name) ? secret(value == null ? null : value.toString()) : value);
    }
    return text.append(']').toString();
  }

  private static Object value(Record settings, Method accessor) {
    try {
      // settings records are often package-private: their accessors are public methods of a
      // non-public class
      accessor.setAccessible(true);
      return accessor.invoke(settings);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "cannot read " + accessor.getName() + " of " + settings.getClass().getName(), e);
    }
  }
}
