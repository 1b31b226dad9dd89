package io.digitaltowns.api.businesses.photos;

import io.digitaltowns.platform.diagnostics.Redacted;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where listing photos are stored, {@code digitaltowns.storage.*}: any S3-compatible store (AWS S3,
 * Cloudflare R2, Backblaze B2, S3Proxy in the local stack). Clients upload and download the bytes
 * directly with presigned URLs; the api only signs, checks and deletes.
 *
 * @param endpoint S3_ENDPOINT, e.g. {@code https://<account>.r2.cloudflarestorage.com} or {@code
 *     https://s3.eu-central-003.backblazeb2.com}; empty means AWS S3 itself
 * @param region S3_REGION; {@code auto} suits R2 (and means us-east-1 for AWS S3 itself)
 * @param accessKeyId S3_ACCESS_KEY_ID; empty falls back to the AWS default credentials chain
 *     (AWS_ACCESS_KEY_ID, profiles, instance roles)
 * @param secretAccessKey S3_SECRET_ACCESS_KEY, never logged
 * @param bucket S3_BUCKET, created at start when missing and the credentials may do so
 * @param pathStyle {@code http://host/bucket/key} rather than {@code http://bucket.host/key}; what
 *     S3Proxy needs and what R2, B2 and MinIO accept
 * @param publicAssetBaseUrl PUBLIC_ASSET_BASE_URL: when set (a CDN or an R2 public bucket domain),
 *     a photo's URL is {@code <base>/<objectKey>}; when empty it is a presigned GET valid for
 *     {@code downloadUrlTtl}
 * @param maxPhotoBytes the largest photo accepted
 * @param uploadUrlTtl how long an upload URL may be used
 * @param downloadUrlTtl how long a presigned photo URL may be used (without a public base URL)
 * @param maxPhotosPerBusiness how many photos one listing may have
 * @param maxPhotoPixels the most pixels (width times height) a photo may have: a confirmed photo is
 *     decoded whole in memory (4 bytes a pixel at worst), so this bounds what one confirmation
 *     takes; 40 million covers a 48 MP phone's usual 12 MP output and most cameras
 */
@ConfigurationProperties("digitaltowns.storage")
public record StorageProperties(
    String endpoint,
    @DefaultValue("auto") String region,
    String accessKeyId,
    String secretAccessKey,
    @DefaultValue("digitaltowns-photos") String bucket,
    @DefaultValue("true") boolean pathStyle,
    String publicAssetBaseUrl,
    @DefaultValue("10MB") DataSize maxPhotoBytes,
    @DefaultValue("10m") Duration uploadUrlTtl,
    @DefaultValue("1h") Duration downloadUrlTtl,
    @DefaultValue("10") int maxPhotosPerBusiness,
    @DefaultValue("40000000") long maxPhotoPixels) {

  /** SigV4 presigned URLs cannot live longer than this. */
  private static final Duration LONGEST_PRESIGNED_URL = Duration.ofDays(7);

  public StorageProperties {
    endpoint = blankToNull(endpoint);
    accessKeyId = blankToNull(accessKeyId);
    secretAccessKey = blankToNull(secretAccessKey);
    publicAssetBaseUrl = blankToNull(publicAssetBaseUrl);
    if (publicAssetBaseUrl != null) {
      while (publicAssetBaseUrl.endsWith("/")) {
        publicAssetBaseUrl = publicAssetBaseUrl.substring(0, publicAssetBaseUrl.length() - 1);
      }
    }
    if (region == null || region.isBlank()) {
      region = "auto";
    }
    if (endpoint != null) {
      URI uri = URI.create(endpoint);
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw new IllegalArgumentException(
            "digitaltowns.storage.endpoint (S3_ENDPOINT) must be an http(s) URL");
      }
    }
    if ((accessKeyId == null) != (secretAccessKey == null)) {
      throw new IllegalArgumentException(
          "digitaltowns.storage.access-key-id and secret-access-key must be set together (or both left empty)");
    }
    if (bucket == null || bucket.isBlank()) {
      throw new IllegalArgumentException(
          "digitaltowns.storage.bucket (S3_BUCKET) must not be empty");
    }
    if (maxPhotoBytes == null || maxPhotoBytes.toBytes() <= 0) {
      throw new IllegalArgumentException("digitaltowns.storage.max-photo-bytes must be positive");
    }
    requireUrlLifetime("upload-url-ttl", uploadUrlTtl);
    requireUrlLifetime("download-url-ttl", downloadUrlTtl);
    if (maxPhotosPerBusiness < 1) {
      throw new IllegalArgumentException(
          "digitaltowns.storage.max-photos-per-business must be at least 1");
    }
    if (maxPhotoPixels < 1) {
      throw new IllegalArgumentException(
          "digitaltowns.storage.max-photo-pixels must be at least 1");
    }
  }

  /** Like the record's own, without the secret. */
  @Override
  public String toString() {
    return "StorageProperties[endpoint="
        + endpoint
        + ", region="
        + region
        + ", accessKeyId="
        + accessKeyId
        + ", secretAccessKey="
        + Redacted.secret(secretAccessKey)
        + ", bucket="
        + bucket
        + ", pathStyle="
        + pathStyle
        + ", publicAssetBaseUrl="
        + publicAssetBaseUrl
        + ", maxPhotoBytes="
        + maxPhotoBytes
        + ", uploadUrlTtl="
        + uploadUrlTtl
        + ", downloadUrlTtl="
        + downloadUrlTtl
        + ", maxPhotosPerBusiness="
        + maxPhotosPerBusiness
        + ", maxPhotoPixels="
        + maxPhotoPixels
        + "]";
  }

  /** Whether credentials are configured here rather than left to the AWS default chain. */
  boolean hasStaticCredentials() {
    return accessKeyId != null;
  }

  /**
   * Whether anything points the api at a particular store (otherwise it is AWS S3 with the default
   * chain).
   */
  boolean explicitlyConfigured() {
    return endpoint != null || accessKeyId != null;
  }

  private static void requireUrlLifetime(String name, Duration ttl) {
    if (ttl == null
        || ttl.isNegative()
        || ttl.isZero()
        || ttl.compareTo(LONGEST_PRESIGNED_URL) > 0) {
      throw new IllegalArgumentException(
          "digitaltowns.storage." + name + " must be positive and at most 7 days");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
