package io.digitaltowns.backup.store;

import io.digitaltowns.platform.diagnostics.Redacted;
import java.net.URI;

/**
 * Where backups go: a bucket of any S3-compatible store. Backblaze B2 is the default choice
 * (another provider than the photos, so that one compromised or deleted account does not take the
 * data and its backups).
 *
 * @param endpoint B2_ENDPOINT, e.g. {@code https://s3.eu-central-003.backblazeb2.com}; null = AWS
 *     S3 itself
 * @param region B2_REGION, e.g. {@code eu-central-003}; {@code auto} = us-east-1 on AWS, as R2
 *     wants it elsewhere
 * @param bucket B2_BUCKET
 * @param keyId B2_KEY_ID (application key id); null = the AWS default credentials chain
 * @param appKey B2_APP_KEY, a secret: never logged
 * @param pathStyle {@code http://host/bucket/key}, what B2, R2, MinIO and S3Proxy accept
 */
public record BackupStorageSettings(
    String endpoint, String region, String bucket, String keyId, String appKey, boolean pathStyle) {

  public BackupStorageSettings {
    endpoint = blankToNull(endpoint);
    keyId = blankToNull(keyId);
    appKey = blankToNull(appKey);
    region = region == null || region.isBlank() ? "auto" : region.trim();
    if (endpoint != null) {
      URI uri = URI.create(endpoint);
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw new IllegalArgumentException(
            "the backup endpoint (B2_ENDPOINT) must be an http(s) URL, got " + endpoint);
      }
    }
    if ((keyId == null) != (appKey == null)) {
      throw new IllegalArgumentException(
          "B2_KEY_ID and B2_APP_KEY must be set together (or both left empty)");
    }
    if (bucket == null || bucket.isBlank()) {
      throw new IllegalArgumentException("the backup bucket (B2_BUCKET) must not be empty");
    }
  }

  public boolean hasStaticCredentials() {
    return keyId != null;
  }

  /** Where, for messages: never the key. */
  public String describe() {
    return (endpoint == null ? "s3" : endpoint) + "/" + bucket;
  }

  @Override
  public String toString() {
    return "BackupStorageSettings[endpoint="
        + endpoint
        + ", region="
        + region
        + ", bucket="
        + bucket
        + ", keyId="
        + keyId
        + ", appKey="
        + Redacted.secret(appKey)
        + ", pathStyle="
        + pathStyle
        + "]";
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
