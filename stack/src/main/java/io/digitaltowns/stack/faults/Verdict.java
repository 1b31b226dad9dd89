package io.digitaltowns.stack.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the effect checker found for a run: per effect, how many were lost (never came) and
 * duplicated (came more than once); aggregates whose events are not on Kafka as committed; new dead
 * letters; the analytics sign-ups against the registrations committed; and, per effect, the p99 of
 * the time from a command's acknowledgement to the effect, over the commands acknowledged while a
 * fault was in force.
 *
 * @param relayedTwice records the relay sent twice (at-least-once after a crash: allowed, consumers
 *     skip them)
 */
public record Verdict(
    int commandsAccepted,
    long effectsChecked,
    Map<Effect, long[]> lostAndDuplicated,
    long aggregatesNotAsCommitted,
    long relayedTwice,
    Map<String, Long> newDeadLetters,
    long registrationsCommitted,
    long signupsCounted,
    Map<Effect, List<Long>> recoveryMillis,
    List<String> problems) {

  public long lost() {
    return lostAndDuplicated.values().stream().mapToLong(tally -> tally[0]).sum()
        + Math.max(0, registrationsCommitted - signupsCounted);
  }

  public long duplicated() {
    return lostAndDuplicated.values().stream().mapToLong(tally -> tally[1]).sum()
        + Math.max(0, signupsCounted - registrationsCommitted);
  }

  public long deadLetters() {
    return newDeadLetters.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Effects checked, the analytics count included (one per registration). */
  public long checked() {
    return effectsChecked + registrationsCommitted;
  }

  /** p99 per effect, in ms, of the commands acknowledged while a fault was in force. */
  public Map<Effect, Long> recoveryP99() {
    Map<Effect, Long> p99 = new TreeMap<>();
    recoveryMillis.forEach((effect, millis) -> p99.put(effect, percentile(millis, 0.99)));
    return p99;
  }

  /** The worst p99 of all effects. */
  public long worstRecoveryP99() {
    return recoveryP99().values().stream().mapToLong(Long::longValue).max().orElse(0);
  }

  public boolean clean() {
    return lost() == 0 && duplicated() == 0 && aggregatesNotAsCommitted == 0 && deadLetters() == 0;
  }

  static long percentile(List<Long> values, double fraction) {
    if (values.isEmpty()) {
      return 0;
    }
    List<Long> sorted = values.stream().sorted().toList();
    int index = (int) Math.ceil(fraction * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
  }

  /** One JSON object, for docs/reliability.md. */
  public String toJson(String run, Map<String, Object> extra) {
    StringBuilder json = new StringBuilder("{\"run\":\"").append(run).append('"');
    extra.forEach(
        (key, value) ->
            json.append(",\"")
                .append(key)
                .append("\":")
                .append(value instanceof Number ? value.toString() : "\"" + value + "\""));
    json.append(",\"commandsAccepted\":")
        .append(commandsAccepted)
        .append(",\"effectsChecked\":")
        .append(checked())
        .append(",\"lost\":")
        .append(lost())
        .append(",\"duplicated\":")
        .append(duplicated())
        .append(",\"aggregatesNotAsCommitted\":")
        .append(aggregatesNotAsCommitted)
        .append(",\"recordsRelayedTwice\":")
        .append(relayedTwice)
        .append(",\"newDeadLetters\":")
        .append(deadLetters())
        .append(",\"registrationsCommitted\":")
        .append(registrationsCommitted)
        .append(",\"signupsCounted\":")
        .append(signupsCounted)
        .append(",\"recoveryP99Ms\":{")
        .append(
            recoveryP99().entrySet().stream()
                .map(entry -> "\"" + entry.getKey() + "\":" + entry.getValue())
                .collect(Collectors.joining(",")))
        .append("}}");
    return json.toString();
  }

  /** Writes {@link #toJson} to {@code directory/<run>.json}. */
  public Path write(Path directory, String run, Map<String, Object> extra) {
    Path file = directory.resolve(run.replaceAll("[^A-Za-z0-9]+", "-") + ".json");
    try {
      Files.createDirectories(directory);
      Files.writeString(file, toJson(run, extra) + System.lineSeparator());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return toJson("verdict", Map.of())
        + (problems.isEmpty() ? "" : " problems: " + problems)
        + (newDeadLetters.isEmpty() ? "" : " dead letters: " + newDeadLetters);
  }
}
