package io.digitaltowns.api.businesses.photos;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * {@code photoStorage} in {@code /actuator/health}: the bucket answers a HEAD. Uploads and photo
 * confirmations fail while it is DOWN; browsing does not (photos are served by the store itself).
 */
@Component
class PhotoStorageHealthIndicator implements HealthIndicator {

  private final S3Client s3;
  private final StorageProperties properties;

  PhotoStorageHealthIndicator(S3Client photoStorageClient, StorageProperties properties) {
    this.s3 = photoStorageClient;
    this.properties = properties;
  }

  @Override
  public Health health() {
    try {
      s3.headBucket(request -> request.bucket(properties.bucket()));
      return Health.up().withDetail("bucket", properties.bucket()).build();
    } catch (S3Exception e) {
      return Health.down()
          .withDetail("bucket", properties.bucket())
          .withDetail("error", "HTTP " + e.statusCode())
          .build();
    } catch (SdkException e) {
      return Health.down()
          .withDetail("bucket", properties.bucket())
          .withDetail("error", "unreachable")
          .build();
    }
  }
}
