package io.digitaltowns.infra.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * How loud the local stack is: the system's own loggers ({@code io.digitaltowns}) at INFO,
 * everything else (the Kafka broker and its controller, Debezium, embedded PostgreSQL, the SMTP and
 * S3 servers, Spring's start-up chatter) at {@code LOG_LEVEL_INFRA}, WARN unless set. A first start
 * printed about 4,300 lines before saying where things are; now a newcomer reads one line per
 * server, the banner, then the system's own lines. {@code LOG_LEVEL_INFRA=debug} (or info) brings
 * the servers' detail back.
 *
 * @param infraLevel the level of every logger that is not the system's own
 */
public record LocalLogLevels(Level infraLevel) {

  public static final String VARIABLE = "LOG_LEVEL_INFRA";

  /** The system's own loggers: always at INFO or more verbose. */
  public static final String SYSTEM = "io.digitaltowns";

  /**
   * Loggers the services' own config files pin to a level of their own (api.yml, relay.yml,
   * consumers.yml): the local stack sets them to the infra level too, or Debezium would still log
   * its whole configuration at INFO.
   */
  static final List<String> PINNED_BY_SERVICES =
      List.of(
          "org.apache.kafka",
          "kafka",
          "org.apache.zookeeper",
          "io.debezium",
          "com.icegreen.greenmail");

  public static LocalLogLevels fromEnvironment(Map<String, String> env) {
    String value = env.getOrDefault("LOG_LEVEL_INFRA", "").strip();
    if (value.isEmpty()) {
      return new LocalLogLevels(Level.WARN);
    }
    Level level = Level.toLevel(value.toUpperCase(Locale.ROOT), null);
    if (level == null) {
      throw new IllegalArgumentException(
          VARIABLE + " must be one of trace, debug, info, warn, error, off; was '" + value + "'");
    }
    return new LocalLogLevels(level);
  }

  /** Logger name ({@code ROOT} for the root) → level. */
  public Map<String, String> levels() {
    Map<String, String> levels = new LinkedHashMap<>();
    levels.put(org.slf4j.Logger.ROOT_LOGGER_NAME, infraLevel.levelStr);
    PINNED_BY_SERVICES.forEach(name -> levels.put(name, infraLevel.levelStr));
    levels.put(
        SYSTEM,
        infraLevel.isGreaterOrEqual(Level.INFO) ? Level.INFO.levelStr : infraLevel.levelStr);
    return levels;
  }

  /**
   * Sets the levels on Logback now, for the servers that start before any Spring application
   * configures logging.
   */
  public void apply() {
    levels()
        .forEach(
            (name, level) -> {
              if (LoggerFactory.getLogger(name) instanceof Logger logger) {
                logger.setLevel(Level.toLevel(level));
              }
            });
  }

  /**
   * The same levels as Spring Boot settings ({@code logging.level.<name>}), for each application of
   * the stack.
   */
  public Map<String, Object> asSpringSettings() {
    Map<String, Object> settings = new LinkedHashMap<>();
    levels()
        .forEach(
            (name, level) ->
                settings.put(
                    "logging.level."
                        + (name.equals(org.slf4j.Logger.ROOT_LOGGER_NAME) ? "root" : name),
                    level));
    return settings;
  }
}
