package io.digitaltowns.ops.backup;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    description = {
      "The backups of the backup consumer group (docs/backup.md): database snapshots and the topic "
          + "archive in the B2_* bucket. List them, restore a snapshot into an empty database, rebuild a topic "
          + "(or replay a period beyond Kafka's retention) from the archive."
    },
    subcommands = {
      BackupListCommand.class,
      TakeSnapshotCommand.class,
      RestoreSnapshotCommand.class,
      RestoreTopicCommand.class
    })
public class BackupCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "Missing command: list, snapshot, restore-snapshot or restore-topic");
  }
}
