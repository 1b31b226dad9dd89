package io.digitaltowns.api.businesses.photos;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * The object store as the photos see it: presigned URLs, reading an upload, storing a photo,
 * deletion.
 */
@Component
class PhotoStorage {

  private static final Logger log = LoggerFactory.getLogger(PhotoStorage.class);

  /** how long after a failed bucket check the next upload checks again */
  private static final long BUCKET_RECHECK_MILLIS = 60_000;

  private final S3Client s3;
  private final S3Presigner presigner;
  private final StorageProperties properties;

  private volatile boolean bucketReady;
  private volatile long lastBucketCheck;

  PhotoStorage(
      S3Client photoStorageClient,
      S3Presigner photoStoragePresigner,
      StorageProperties properties) {
    this.s3 = photoStorageClient;
    this.presigner = photoStoragePresigner;
    this.properties = properties;
  }

  /** A signed PUT the client sends the bytes with, directly to the store. */
  record PresignedUpload(String url, Map<String, String> headers, Instant expiresAt) {}

  /**
   * Checks the bucket at start when storage is configured (an unconfigured instance, such as the
   * auth service, would otherwise go looking for AWS credentials); uploads check it again.
   */
  @EventListener(ApplicationReadyEvent.class)
  void checkBucketAtStart() {
    if (properties.explicitlyConfigured()) {
      ensureBucket();
    } else {
      log.info(
          "Photo storage: no endpoint or access key configured; using AWS S3 bucket {} with the default "
              + "credentials chain, checked at the first upload",
          properties.bucket());
    }
  }

  /**
   * Creates the bucket when it is missing; never fails, since the credentials may not be allowed
   * to.
   */
  synchronized void ensureBucket() {
    if (bucketReady) {
      return;
    }
    lastBucketCheck = System.currentTimeMillis();
    String bucket = properties.bucket();
    try {
      s3.headBucket(request -> request.bucket(bucket));
      bucketReady = true;
      return;
    } catch (S3Exception e) {
      if (e.statusCode() != 404) {
        log.warn(
            "Photo storage: cannot check bucket {} (HTTP {}); uploads may fail until it exists and is writable",
            bucket,
            e.statusCode());
        return;
      }
    } catch (SdkException e) {
      log.warn(
          "Photo storage: cannot reach the object store to check bucket {}: {}",
          bucket,
          e.getMessage());
      return;
    }
    try {
      CreateBucketRequest.Builder create = CreateBucketRequest.builder().bucket(bucket);
      String region = StorageConfiguration.region(properties).id();
      if (properties.endpoint() == null && !"us-east-1".equals(region)) {
        create.createBucketConfiguration(
            configuration ->
                configuration.locationConstraint(BucketLocationConstraint.fromValue(region)));
      }
      s3.createBucket(create.build());
      bucketReady = true;
      log.info("Photo storage: created bucket {}", bucket);
    } catch (SdkException e) {
      log.warn(
          "Photo storage: bucket {} is missing and could not be created ({}); create it by hand",
          bucket,
          e.getMessage());
    }
  }

  /**
   * Before handing out an upload URL: the bucket check, unless it succeeded or was tried a moment
   * ago.
   */
  void ensureBucketBeforeUpload() {
    if (!bucketReady
        && (lastBucketCheck == 0
            || System.currentTimeMillis() - lastBucketCheck > BUCKET_RECHECK_MILLIS)) {
      ensureBucket();
    }
  }

  /**
   * Signs a PUT of exactly this type and size: the store refuses a body with another Content-Type
   * or Content-Length, so the declared values are what gets stored.
   */
  PresignedUpload presignUpload(String key, String contentType, long sizeBytes) {
    PresignedPutObjectRequest presigned =
        presigner.presignPutObject(
            request ->
                request
                    .signatureDuration(properties.uploadUrlTtl())
                    .putObjectRequest(
                        put ->
                            put.bucket(properties.bucket())
                                .key(key)
                                .contentType(contentType)
                                .contentLength(sizeBytes)));
    Map<String, String> headers = new LinkedHashMap<>();
    // host and Content-Length are set by every HTTP client itself (browsers refuse to let scripts
    // set them)
    presigned
        .signedHeaders()
        .forEach(
            (name, values) -> {
              if (!name.equalsIgnoreCase("host") && !name.equalsIgnoreCase("content-length")) {
                headers.put(canonicalName(name), String.join(",", values));
              }
            });
    headers.putIfAbsent("Content-Type", contentType);
    return new PresignedUpload(presigned.url().toString(), headers, presigned.expiration());
  }

  /**
   * Where a client fetches the photo: the public asset URL, or a presigned GET whose signed
   * response overrides repeat the type and the inline name (photos stored before they were object
   * metadata lack them).
   */
  String urlFor(String key, Optional<ImageType> type) {
    if (properties.publicAssetBaseUrl() != null) {
      return properties.publicAssetBaseUrl() + "/" + key;
    }
    return presigner
        .presignGetObject(
            request ->
                request
                    .signatureDuration(properties.downloadUrlTtl())
                    .getObjectRequest(
                        get -> {
                          get.bucket(properties.bucket()).key(key);
                          type.ifPresent(
                              known ->
                                  get.responseContentType(known.mediaType())
                                      .responseContentDisposition(known.contentDisposition()));
                        }))
        .url()
        .toString();
  }

  /** The stored size of the object, or empty when nothing was uploaded under the key. */
  Optional<Long> sizeOf(String key) {
    try {
      return Optional.of(
          s3.headObject(request -> request.bucket(properties.bucket()).key(key)).contentLength());
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** The whole object; the caller checked its size first. */
  byte[] read(String key) {
    return s3.getObjectAsBytes(request -> request.bucket(properties.bucket()).key(key))
        .asByteArray();
  }

  /**
   * Stores a confirmed photo under its final key, which no upload URL is ever signed for. Its type
   * and a fixed inline name are the object's own metadata, so they come with it from any host that
   * serves the bucket; it never changes, so it may be cached for good.
   */
  void putPhoto(String key, ImageType type, byte[] bytes) {
    s3.putObject(
        request ->
            request
                .bucket(properties.bucket())
                .key(key)
                .contentType(type.mediaType())
                .contentDisposition(type.contentDisposition())
                .cacheControl("public, max-age=31536000, immutable"),
        RequestBody.fromBytes(bytes));
  }

  void delete(String key) {
    s3.deleteObject(request -> request.bucket(properties.bucket()).key(key));
  }

  /**
   * Deletes the objects one by one (DeleteObjects needs checksums some S3-compatible stores lack);
   * logs failures.
   */
  void deleteQuietly(List<String> keys) {
    for (String key : keys) {
      try {
        delete(key);
      } catch (SdkException e) {
        log.warn(
            "Photo storage: could not delete {} (left as an orphan object): {}",
            key,
            e.getMessage());
      }
    }
  }

  private static String canonicalName(String header) {
    StringBuilder name = new StringBuilder(header.length());
    boolean upper = true;
    for (char c : header.toCharArray()) {
      name.append(upper ? Character.toUpperCase(c) : c);
      upper = c == '-';
    }
    return name.toString();
  }
}
