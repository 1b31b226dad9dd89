package io.digitaltowns.ops.replay;

import io.digitaltowns.ops.OpsExit;
import io.digitaltowns.ops.RefusedException;
import io.digitaltowns.ops.connection.KafkaOptions;
import io.digitaltowns.ops.console.Table;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.apache.kafka.common.errors.UnknownMemberIdException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Re-run one consumer group over a topic: moves the group's committed offsets back (or to any "
          + "position), so that the group's consumers read from there when they start again.",
      "Refuses while the group has active members: stop the group's consumers first (e.g. "
          + "CONSUMER_EMAIL_ENABLED=false, or scale the consumers service down). The consumers are idempotent by "
          + "event id: events a group already processed are skipped; a replay reaches events it skipped or never saw.",
      "Events older than the topic's retention are only in the backup archive: `ops backup restore-topic <topic> "
          + "--from <day> --to <day> --to-topic <replay topic>` produces them again (docs/backup.md)."
    })
public class ReplayCommand implements Callable<Integer> {

  private static final long TIMEOUT_SECONDS = 30;

  /**
   * A group in any of these states has members that would overwrite the reset with their own
   * commits.
   */
  private static final Set<GroupState> INACTIVE = EnumSet.of(GroupState.EMPTY, GroupState.DEAD);

  @Spec CommandSpec spec;

  @Mixin KafkaOptions kafka;

  @Option(
      names = "--group",
      required = true,
      paramLabel = "<group>",
      description = "Consumer group, e.g. email.")
  String group;

  @Option(
      names = "--topic",
      required = true,
      paramLabel = "<topic>",
      description = "Topic, e.g. dt.accounts.events.")
  String topic;

  @ArgGroup(exclusive = true, multiplicity = "1")
  From from;

  @Option(names = "--dry-run", description = "Print the plan, change no offsets.")
  boolean dryRun;

  static class From {
    @Option(
        names = "--from-beginning",
        required = true,
        description = "From the oldest record still in the topic.")
    boolean beginning;

    @Option(
        names = "--from-timestamp",
        required = true,
        paramLabel = "<iso>",
        description =
            "From the first record written at or after this time: 2025-03-01T12:00:00Z, "
                + "2025-03-01T13:00:00+01:00, or a date (UTC midnight).")
    String timestamp;

    @Option(
        names = "--from-offset",
        required = true,
        paramLabel = "<p:o>",
        split = ",",
        description = "Per partition: 0:1200,2:998. Partitions not named keep their offsets.")
    List<String> offsets;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (Admin admin = kafka.admin()) {
      boolean known = refuseIfActive(admin);
      List<TopicPartition> partitions = partitions(admin);
      Map<TopicPartition, Long> earliest = offsets(admin, partitions, OffsetSpec.earliest());
      Map<TopicPartition, Long> latest = offsets(admin, partitions, OffsetSpec.latest());
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin
              .listConsumerGroupOffsets(group)
              .partitionsToOffsetAndMetadata()
              .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      if (!known && committed.isEmpty()) {
        // most likely a typo; a group that never ran starts from the beginning anyway
        // (auto.offset.reset=earliest)
        throw new IllegalArgumentException(
            "there is no consumer group " + group + "; groups: " + groups(admin));
      }
      Map<TopicPartition, Long> targets = targets(admin, partitions, earliest, latest);

      out.println(
          "Replay of group "
              + group
              + " on "
              + topic
              + " "
              + describeFrom()
              + (dryRun ? " (dry run)" : ""));
      Table table = new Table("PARTITION", "COMMITTED", "NEW", "END", "TO READ", "REPLAYED");
      long replayed = 0;
      long skipped = 0;
      for (Map.Entry<TopicPartition, Long> target : targets.entrySet()) {
        OffsetAndMetadata current = committed.get(target.getKey());
        long newOffset = target.getValue();
        long end = latest.get(target.getKey());
        long again = current == null ? 0 : Math.max(0, current.offset() - newOffset);
        skipped += current == null ? 0 : Math.max(0, newOffset - current.offset());
        replayed += again;
        table.row(
            target.getKey().partition(),
            current == null ? "(none)" : current.offset(),
            newOffset,
            end,
            end - newOffset,
            again);
      }
      table.print(out);
      out.println(
          replayed
              + " records the group already consumed will be read again"
              + (skipped > 0
                  ? "; " + skipped + " records it has not consumed yet will be SKIPPED"
                  : "")
              + ".");
      if (dryRun) {
        out.println("Dry run: offsets not changed.");
        out.flush();
        return OpsExit.OK;
      }
      alter(admin, targets);
      out.println(
          "Offsets of group "
              + group
              + " on "
              + topic
              + " reset; start the group's consumers to replay.");
      out.flush();
      return OpsExit.OK;
    }
  }

  /**
   * @return whether the group is known to the cluster
   */
  private boolean refuseIfActive(Admin admin) throws Exception {
    ConsumerGroupDescription description;
    try {
      description =
          admin
              .describeConsumerGroups(List.of(group))
              .describedGroups()
              .get(group)
              .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof GroupIdNotFoundException) {
        return false;
      }
      throw e;
    }
    if (description.members().isEmpty() && INACTIVE.contains(description.groupState())) {
      return description.groupState() != GroupState.DEAD;
    }
    String members =
        description.members().stream()
            .map(ReplayCommand::describe)
            .collect(Collectors.joining(", "));
    throw new RefusedException(
        "consumer group "
            + group
            + " is active (state "
            + description.groupState()
            + ", "
            + description.members().size()
            + " member(s)"
            + (members.isEmpty() ? "" : ": " + members)
            + "); stop its consumers, then run replay again. Nothing was changed.");
  }

  private static String groups(Admin admin) throws Exception {
    String groups =
        admin.listGroups().all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).stream()
            .map(GroupListing::groupId)
            .sorted()
            .collect(Collectors.joining(", "));
    return groups.isEmpty() ? "(none)" : groups;
  }

  private static String describe(MemberDescription member) {
    return member.clientId() + " on " + member.host();
  }

  private List<TopicPartition> partitions(Admin admin) throws Exception {
    return admin
        .describeTopics(List.of(topic))
        .allTopicNames()
        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
        .get(topic)
        .partitions()
        .stream()
        .map(info -> new TopicPartition(topic, info.partition()))
        .sorted(Comparator.comparingInt(TopicPartition::partition))
        .toList();
  }

  private Map<TopicPartition, Long> targets(
      Admin admin,
      List<TopicPartition> partitions,
      Map<TopicPartition, Long> earliest,
      Map<TopicPartition, Long> latest)
      throws Exception {
    Map<TopicPartition, Long> targets = new LinkedHashMap<>();
    if (from.beginning) {
      partitions.forEach(partition -> targets.put(partition, earliest.get(partition)));
    } else if (from.timestamp != null) {
      long millis = parseTimestamp(from.timestamp).toEpochMilli();
      Map<TopicPartition, Long> found = offsets(admin, partitions, OffsetSpec.forTimestamp(millis));
      // -1: no record at or after that time, so nothing to replay: the end
      partitions.forEach(
          partition ->
              targets.put(
                  partition,
                  found.get(partition) < 0 ? latest.get(partition) : found.get(partition)));
    } else {
      for (String entry : from.offsets) {
        String[] parts = entry.trim().split(":");
        int partitionNumber;
        long offset;
        try {
          partitionNumber = Integer.parseInt(parts[0].trim());
          offset = Long.parseLong(parts[1].trim());
        } catch (RuntimeException e) {
          throw new ParameterException(
              spec.commandLine(), "--from-offset wants partition:offset, got '" + entry + "'");
        }
        TopicPartition partition = new TopicPartition(topic, partitionNumber);
        if (!partitions.contains(partition)) {
          throw new ParameterException(
              spec.commandLine(), topic + " has no partition " + partitionNumber);
        }
        if (offset < earliest.get(partition) || offset > latest.get(partition)) {
          throw new ParameterException(
              spec.commandLine(),
              "partition "
                  + partitionNumber
                  + " holds offsets "
                  + earliest.get(partition)
                  + " to "
                  + latest.get(partition)
                  + " (end), not "
                  + offset);
        }
        targets.put(partition, offset);
      }
    }
    return targets;
  }

  private Instant parseTimestamp(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException notWithOffset) {
      try {
        return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException notADate) {
        throw new ParameterException(
            spec.commandLine(),
            "--from-timestamp wants an ISO time like 2025-03-01T12:00:00Z or a date like 2025-03-01, got '"
                + text
                + "'");
      }
    }
  }

  private String describeFrom() {
    if (from.beginning) {
      return "from the beginning";
    }
    if (from.timestamp != null) {
      return "from " + parseTimestamp(from.timestamp);
    }
    return "from offsets " + String.join(",", from.offsets);
  }

  private void alter(Admin admin, Map<TopicPartition, Long> targets) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> offsets =
        targets.entrySet().stream()
            .collect(
                Collectors.toMap(
                    Map.Entry::getKey, entry -> new OffsetAndMetadata(entry.getValue())));
    try {
      admin.alterConsumerGroupOffsets(group, offsets).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      // a consumer joined between the check and the reset: the broker refuses to move a live
      // group's offsets
      if (e.getCause() instanceof UnknownMemberIdException
          || e.getCause() instanceof GroupNotEmptyException) {
        throw new RefusedException(
            "consumer group "
                + group
                + " became active while resetting: "
                + e.getCause().getMessage()
                + ". Stop its consumers, then run replay again.");
      }
      throw e;
    }
  }

  private static Map<TopicPartition, Long> offsets(
      Admin admin, List<TopicPartition> partitions, OffsetSpec spec) throws Exception {
    return admin
        .listOffsets(
            partitions.stream().collect(Collectors.toMap(Function.identity(), partition -> spec)))
        .all()
        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
        .entrySet()
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
  }
}
