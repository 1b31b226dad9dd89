package io.digitaltowns.api.businesses.photos;

import java.net.URI;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The S3 client the api checks and deletes photos with, and the presigner of the URLs clients use.
 */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

  @Bean
  AwsCredentialsProvider photoStorageCredentials(StorageProperties properties) {
    if (properties.hasStaticCredentials()) {
      return StaticCredentialsProvider.create(
          AwsBasicCredentials.create(properties.accessKeyId(), properties.secretAccessKey()));
    }
    // resolved lazily, on the first request: an instance that never stores a photo never looks for
    // credentials
    return DefaultCredentialsProvider.builder().build();
  }

  @Bean
  S3Client photoStorageClient(
      StorageProperties properties, AwsCredentialsProvider photoStorageCredentials) {
    var builder =
        S3Client.builder()
            .region(region(properties))
            .credentialsProvider(photoStorageCredentials)
            .forcePathStyle(properties.pathStyle())
            // R2, B2 and S3Proxy do not all understand the newer flexible checksums: send them only
            // where S3 demands one
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            .overrideConfiguration(
                override ->
                    override
                        .apiCallAttemptTimeout(Duration.ofSeconds(10))
                        .apiCallTimeout(Duration.ofSeconds(30)));
    if (properties.endpoint() != null) {
      builder.endpointOverride(URI.create(properties.endpoint()));
    }
    return builder.build();
  }

  @Bean
  S3Presigner photoStoragePresigner(
      StorageProperties properties, AwsCredentialsProvider photoStorageCredentials) {
    var builder =
        S3Presigner.builder()
            .region(region(properties))
            .credentialsProvider(photoStorageCredentials)
            .serviceConfiguration(
                S3Configuration.builder().pathStyleAccessEnabled(properties.pathStyle()).build());
    if (properties.endpoint() != null) {
      builder.endpointOverride(URI.create(properties.endpoint()));
    }
    return builder.build();
  }

  /**
   * R2 wants {@code auto}; AWS S3 itself has no such region, so there {@code auto} means us-east-1
   * (asking the AWS region chain could wait on the instance metadata service at start).
   */
  static Region region(StorageProperties properties) {
    if ("auto".equalsIgnoreCase(properties.region()) && properties.endpoint() == null) {
      return Region.US_EAST_1;
    }
    return Region.of(properties.region());
  }
}
