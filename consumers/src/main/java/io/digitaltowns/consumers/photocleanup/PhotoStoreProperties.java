package io.digitaltowns.consumers.photocleanup;

import io.digitaltowns.backup.store.BackupStorageSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The listing photos' bucket, as the api has it ({@code digitaltowns.storage.*} there, the same
 * {@code S3_*} variables): the {@code photo-cleanup} group deletes the photos of deleted listings
 * from it.
 *
 * @param endpoint S3_ENDPOINT (or R2_ENDPOINT); empty means AWS S3 itself
 * @param region S3_REGION; {@code auto} suits R2 (and means us-east-1 for AWS S3 itself)
 * @param accessKeyId S3_ACCESS_KEY_ID (or R2_ACCESS_KEY_ID); empty falls back to the AWS default
 *     credentials chain
 * @param secretAccessKey S3_SECRET_ACCESS_KEY (or R2_SECRET_ACCESS_KEY), never logged
 * @param bucket S3_BUCKET
 * @param pathStyle S3_PATH_STYLE: {@code http://host/bucket/key}
 */
@ConfigurationProperties("digitaltowns.photo-store")
public record PhotoStoreProperties(
    String endpoint,
    @DefaultValue("auto") String region,
    String accessKeyId,
    String secretAccessKey,
    @DefaultValue("digitaltowns-photos") String bucket,
    @DefaultValue("true") boolean pathStyle) {

  /** The same S3 client as the backups' bucket, pointed at the photos. */
  BackupStorageSettings settings() {
    return new BackupStorageSettings(
        endpoint, region, bucket, accessKeyId, secretAccessKey, pathStyle);
  }

  /** Keeps the secret out of logs and diagnostics that print the settings. */
  @Override
  public String toString() {
    return "PhotoStoreProperties[endpoint="
        + endpoint
        + ", region="
        + region
        + ", accessKeyId="
        + accessKeyId
        + ", secretAccessKey="
        + (secretAccessKey == null || secretAccessKey.isBlank() ? "<unset>" : "******")
        + ", bucket="
        + bucket
        + ", pathStyle="
        + pathStyle
        + "]";
  }
}
