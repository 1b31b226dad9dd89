package io.digitaltowns.backup.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The backup bucket: put, get, list and delete objects. Thread-safe (the S3 client is). */
public final class BackupStore implements AutoCloseable {

  private final S3Client s3;
  private final BackupStorageSettings settings;

  private BackupStore(S3Client s3, BackupStorageSettings settings) {
    this.s3 = s3;
    this.settings = settings;
  }

  public static BackupStore connect(BackupStorageSettings settings) {
    var builder =
        S3Client.builder()
            .region(region(settings))
            .credentialsProvider(credentials(settings))
            .forcePathStyle(settings.pathStyle())
            // B2, R2 and S3Proxy do not all understand the newer flexible checksums: send them only
            // where S3 demands one
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            .overrideConfiguration(
                override ->
                    override
                        .apiCallAttemptTimeout(Duration.ofMinutes(2))
                        .apiCallTimeout(Duration.ofMinutes(5)));
    if (settings.endpoint() != null) {
      builder.endpointOverride(URI.create(settings.endpoint()));
    }
    return new BackupStore(builder.build(), settings);
  }

  public BackupStorageSettings settings() {
    return settings;
  }

  /**
   * Creates the bucket when it does not exist (and the key may create buckets); the local stack
   * relies on it.
   */
  public void ensureBucket() {
    try {
      s3.headBucket(request -> request.bucket(settings.bucket()));
    } catch (NoSuchBucketException e) {
      s3.createBucket(request -> request.bucket(settings.bucket()));
    } catch (S3Exception e) {
      if (e.statusCode() != 404) {
        throw e;
      }
      s3.createBucket(request -> request.bucket(settings.bucket()));
    }
  }

  public void upload(String key, Path file) {
    s3.putObject(request -> request.bucket(settings.bucket()).key(key), RequestBody.fromFile(file));
  }

  public void upload(String key, byte[] bytes, String contentType) {
    s3.putObject(
        request -> request.bucket(settings.bucket()).key(key).contentType(contentType),
        RequestBody.fromBytes(bytes));
  }

  public boolean exists(String key) {
    try {
      s3.headObject(request -> request.bucket(settings.bucket()).key(key));
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return false;
      }
      throw e;
    }
  }

  public InputStream open(String key) {
    return s3.getObject(request -> request.bucket(settings.bucket()).key(key));
  }

  public byte[] read(String key) {
    try (InputStream in = open(key)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + key + " from " + settings.describe(), e);
    }
  }

  public void download(String key, Path file) {
    s3.getObject(request -> request.bucket(settings.bucket()).key(key), file);
  }

  /** Every object whose key starts with the prefix, in key order. */
  public List<StoredObject> list(String prefix) {
    List<StoredObject> objects = new ArrayList<>();
    for (S3Object object :
        s3.listObjectsV2Paginator(request -> request.bucket(settings.bucket()).prefix(prefix))
            .contents()) {
      objects.add(new StoredObject(object.key(), object.size(), object.lastModified()));
    }
    return objects;
  }

  public void delete(String key) {
    s3.deleteObject(request -> request.bucket(settings.bucket()).key(key));
  }

  @Override
  public void close() {
    s3.close();
  }

  private static AwsCredentialsProvider credentials(BackupStorageSettings settings) {
    if (settings.hasStaticCredentials()) {
      return StaticCredentialsProvider.create(
          AwsBasicCredentials.create(settings.keyId(), settings.appKey()));
    }
    return DefaultCredentialsProvider.builder().build();
  }

  /** AWS S3 itself has no region {@code auto}: there it means us-east-1. */
  private static Region region(BackupStorageSettings settings) {
    if ("auto".equalsIgnoreCase(settings.region()) && settings.endpoint() == null) {
      return Region.US_EAST_1;
    }
    return Region.of(settings.region());
  }
}
