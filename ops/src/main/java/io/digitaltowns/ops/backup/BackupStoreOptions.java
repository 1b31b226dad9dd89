package io.digitaltowns.ops.backup;

import io.digitaltowns.backup.store.BackupStorageSettings;
import io.digitaltowns.backup.store.BackupStore;
import picocli.CommandLine.Option;

/** Where the backups are: the same B2_* settings as the consumers' backup group. */
public class BackupStoreOptions {

  @Option(
      names = "--backup-endpoint",
      paramLabel = "<url>",
      defaultValue = "${env:B2_ENDPOINT}",
      description =
          "S3 endpoint of the backup bucket, e.g. https://s3.eu-central-003.backblazeb2.com "
              + "(env B2_ENDPOINT; empty: AWS S3).")
  String endpoint;

  @Option(
      names = "--backup-region",
      paramLabel = "<region>",
      defaultValue = "${env:B2_REGION:-auto}",
      description = "Region of the endpoint (env B2_REGION, default ${DEFAULT-VALUE}).")
  String region;

  @Option(
      names = "--backup-bucket",
      paramLabel = "<bucket>",
      defaultValue = "${env:B2_BUCKET:-digitaltowns-backups}",
      description = "Backup bucket (env B2_BUCKET, default ${DEFAULT-VALUE}).")
  String bucket;

  @Option(
      names = "--backup-key-id",
      paramLabel = "<id>",
      defaultValue = "${env:B2_KEY_ID}",
      description = "Application key id (env B2_KEY_ID).")
  String keyId;

  @Option(
      names = "--backup-app-key",
      paramLabel = "<key>",
      defaultValue = "${env:B2_APP_KEY}",
      description =
          "Application key (env B2_APP_KEY, preferred: a command line shows in the process list).")
  String appKey;

  @Option(
      names = "--backup-path-style",
      paramLabel = "<true|false>",
      defaultValue = "${env:B2_PATH_STYLE:-true}",
      description = "Path-style URLs (env B2_PATH_STYLE, default ${DEFAULT-VALUE}).")
  boolean pathStyle;

  BackupStore connect() {
    return BackupStore.connect(
        new BackupStorageSettings(endpoint, region, bucket, keyId, appKey, pathStyle));
  }
}
