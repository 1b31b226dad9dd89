package io.digitaltowns.ops.backup;

import io.digitaltowns.backup.store.BackupStorageSettings;
import io.digitaltowns.backup.store.BackupStore;
import io.digitaltowns.ops.Ops;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A bucket of its own in the shared stack's S3, and the options that point the tool at it. */
final class BackupBucket {

  final String name = "ops-backup-" + UUID.randomUUID().toString().substring(0, 8);
  final BackupStore store;

  BackupBucket() {
    store =
        BackupStore.connect(
            new BackupStorageSettings(
                Ops.stack().s3Endpoint(),
                Ops.stack().s3Region(),
                name,
                Ops.stack().s3AccessKey(),
                Ops.stack().s3SecretKey(),
                true));
    store.ensureBucket();
  }

  /** The command, with the bucket's options. */
  String[] command(String... command) {
    List<String> args = new ArrayList<>(Arrays.asList(command));
    args.addAll(
        List.of(
            "--backup-endpoint",
            Ops.stack().s3Endpoint(),
            "--backup-region",
            Ops.stack().s3Region(),
            "--backup-bucket",
            name,
            "--backup-key-id",
            Ops.stack().s3AccessKey(),
            "--backup-app-key",
            Ops.stack().s3SecretKey()));
    return args.toArray(String[]::new);
  }
}
