package io.digitaltowns.ops.outbox;

import io.digitaltowns.ops.OpsExit;
import io.digitaltowns.ops.connection.DatabaseOptions;
import io.digitaltowns.ops.console.Durations;
import io.digitaltowns.ops.console.Progress;
import io.digitaltowns.platform.relaystatus.OutboxRows;
import io.digitaltowns.platform.relaystatus.RelayLockKey;
import io.digitaltowns.platform.relaystatus.RelayLockSession;
import io.digitaltowns.platform.relaystatus.ReplicationSlot;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Outbox rows waiting to be relayed and the age of the oldest, the replication slot's lag in bytes, and which "
          + "relay instance holds the relay lock.",
      "The relay does not mark rows: it reads inserts from the WAL through its logical replication slot and confirms "
          + "them to PostgreSQL once Kafka acknowledged them, and deletes rows later by age. So 'waiting' counts the "
          + "outbox inserts the slot still holds past its confirmed position: the tool peeks a temporary copy of the "
          + "slot (the relay's slot itself is never touched). That needs the REPLICATION attribute, like the relay.",
      "With --mode polling (RELAY_MODE=polling) the relay reads the table and deletes each row Kafka acknowledged: "
          + "every row in the table is waiting, and no slot is used (one left over from Debezium mode is named, "
          + "as it keeps WAL)."
    })
public class OutboxStatusCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin DatabaseOptions database;

  @Option(
      names = "--slot",
      paramLabel = "<name>",
      defaultValue = "${env:RELAY_SLOT_NAME:-dt_outbox_relay}",
      description =
          "The relay's logical replication slot (env RELAY_SLOT_NAME, default ${DEFAULT-VALUE}).")
  String slot;

  @Option(
      names = "--publication",
      paramLabel = "<name>",
      defaultValue = "dt_outbox",
      description = "The outbox publication (default ${DEFAULT-VALUE}).")
  String publication;

  @Option(
      names = "--table",
      paramLabel = "<name>",
      defaultValue = "outbox",
      description = "The outbox table (default ${DEFAULT-VALUE}).")
  String table;

  @Option(
      names = "--lock-id",
      paramLabel = "<id>",
      defaultValue = "7262003",
      description =
          "The relay's advisory lock id (digitaltowns.relay.lock-id, default ${DEFAULT-VALUE}).")
  long lockId;

  @Option(
      names = "--mode",
      paramLabel = "<mode>",
      defaultValue = "${env:RELAY_MODE:-debezium}",
      converter = RelayModeOption.class,
      description =
          "How the relay reads the outbox: debezium or polling (env RELAY_MODE, default ${DEFAULT-VALUE}).")
  RelayModeOption.Mode mode;

  @Option(
      names = "--scan-limit",
      paramLabel = "<n>",
      defaultValue = "1000000",
      description =
          "Decode at most about this many WAL messages to count waiting rows (default ${DEFAULT-VALUE}).")
  int scanLimit;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (Connection connection = database.connect()) {
      OutboxInspector inspector = new OutboxInspector(connection);
      Instant now = inspector.now();
      String currentDatabase = inspector.currentDatabase();
      out.println("Outbox (" + database.displayUrl() + "), relay mode " + mode.text());
      Optional<OutboxRows> tableState = inspector.status().outbox(table);
      if (tableState.isEmpty()) {
        line(out, "table " + table, "does not exist in database " + currentDatabase);
      } else {
        line(
            out,
            "rows in table",
            tableState.get().rows()
                + (mode == RelayModeOption.Mode.POLLING
                    ? " (the relay deletes each row once Kafka acknowledged it)"
                    : " (relayed rows stay until the relay's clean-up deletes them by age)"));
        line(out, "oldest row", age(tableState.get().oldest(), now));
      }

      Optional<ReplicationSlot> slotState = inspector.status().slot(slot);
      if (mode == RelayModeOption.Mode.POLLING) {
        tableState.ifPresent(
            state -> {
              line(out, "waiting to be relayed", String.valueOf(state.rows()));
              line(out, "oldest waiting event", age(state.oldest(), now));
            });
      } else {
        printBacklog(out, err, inspector, tableState, slotState, currentDatabase, now);
      }

      out.println("Replication slot " + slot);
      if (mode == RelayModeOption.Mode.POLLING) {
        out.println(
            slotState.isEmpty()
                ? "  not used in polling mode"
                : "  not used in polling mode, but it exists and keeps "
                    + (slotState.get().retainedBytes() == null
                        ? "WAL"
                        : Durations.bytes(slotState.get().retainedBytes()) + " of WAL")
                    + " on the server: drop it (SELECT pg_drop_replication_slot('"
                    + slot
                    + "'))");
      } else if (slotState.isEmpty()) {
        out.println(
            "  does not exist: the relay has not run yet against this database, or uses another slot name");
      } else {
        ReplicationSlot state = slotState.get();
        line(out, "plugin / database", state.plugin() + " / " + state.database());
        line(
            out,
            "active",
            (state.active()
                ? "yes, pid " + state.activePid() + application(state.activeApplication())
                : "no (no relay is streaming from it)"));
        line(
            out,
            "confirmed flush LSN",
            orDash(state.confirmedFlushLsn()) + " (current WAL " + state.currentLsn() + ")");
        line(out, "lag", (state.lagBytes() == null ? "-" : Durations.bytes(state.lagBytes())));
        line(
            out,
            "WAL retained",
            (state.retainedBytes() == null ? "-" : Durations.bytes(state.retainedBytes()))
                + ", wal_status "
                + orDash(state.walStatus()));
      }

      out.println("Relay lock (advisory lock " + lockId + ")");
      List<RelayLockSession> holders = inspector.status().lockSessions(new RelayLockKey(lockId));
      List<RelayLockSession> granted = holders.stream().filter(RelayLockSession::granted).toList();
      if (granted.isEmpty()) {
        out.println(
            "  held by:                nobody: no relay is active (standbys retry every few seconds)");
      }
      for (RelayLockSession holder : granted) {
        out.println(
            "  held by:                pid "
                + holder.pid()
                + application(holder.applicationName())
                + (holder.clientAddress() == null ? "" : ", client " + holder.clientAddress())
                + (holder.backendStart() == null
                    ? ""
                    : ", connected since " + holder.backendStart()));
      }
      holders.stream()
          .filter(holder -> !holder.granted())
          .forEach(
              holder ->
                  out.println(
                      "  waiting:                pid "
                          + holder.pid()
                          + application(holder.applicationName())));
      out.flush();
      return OpsExit.OK;
    }
  }

  private void printBacklog(
      PrintWriter out,
      PrintWriter err,
      OutboxInspector inspector,
      Optional<OutboxRows> tableState,
      Optional<ReplicationSlot> slotState,
      String currentDatabase,
      Instant now) {
    if (slotState.isEmpty()) {
      tableState.ifPresent(
          state -> {
            line(
                out,
                "waiting to be relayed",
                state.rows()
                    + " (no slot yet: the relay's first start snapshots "
                    + "the rows in the table)");
            line(out, "oldest waiting event", age(state.oldest(), now));
          });
      return;
    }
    if (!slotState.get().database().equals(currentDatabase)) {
      out.println(
          "  waiting to be relayed:  unknown: the slot belongs to database "
              + slotState.get().database()
              + "; connect to that one");
      return;
    }
    try {
      OutboxInspector.Backlog backlog =
          inspector.backlog(
              slot,
              publication,
              table,
              scanLimit,
              new Progress(err, "decoded waiting outbox rows", -1));
      line(
          out,
          "waiting to be relayed",
          (backlog.atLeast() ? "at least " : "")
              + backlog.rows()
              + (backlog.atLeast()
                  ? " (stopped after --scan-limit " + scanLimit + " WAL messages)"
                  : ""));
      line(out, "oldest waiting event", age(backlog.oldest(), now));
    } catch (SQLException e) {
      out.println(
          "  waiting to be relayed:  unknown: "
              + e.getMessage().lines().findFirst().orElse("")
              + " (needs the REPLICATION attribute and a free replication slot)");
    }
  }

  private static void line(PrintWriter out, String label, String value) {
    String padded = label + ":";
    out.println("  " + padded + " ".repeat(Math.max(1, 24 - padded.length())) + value);
  }

  private static String age(Instant instant, Instant now) {
    if (instant == null) {
      return "-";
    }
    return instant + " (age " + Durations.human(Duration.between(instant, now)) + ")";
  }

  private static String application(String name) {
    return name == null || name.isEmpty() ? "" : ", application_name \"" + name + "\"";
  }

  private static String orDash(String value) {
    return value == null ? "-" : value;
  }
}
