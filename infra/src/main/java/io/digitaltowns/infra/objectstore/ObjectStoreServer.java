package io.digitaltowns.infra.objectstore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.CrossOriginResourceSharing;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;

/**
 * An S3-compatible server (S3Proxy) storing buckets as directories under the stack's data
 * directory, with fixed credentials and both V2 and V4 signatures accepted. Path-style access:
 * {@code http://localhost:PORT/bucket/key}.
 */
public final class ObjectStoreServer {

  public static final String ACCESS_KEY = "local-access-key";
  public static final String SECRET_KEY = "local-secret-key";
  public static final String REGION = "us-east-1";

  private final Path directory;

  /**
   * The site's pages upload photos from the browser straight to the presigned URL and show them
   * from it: the browser asks first (CORS preflight). A real bucket gets the same rule for the
   * site's origin; locally the site is any port of this machine.
   */
  static final CrossOriginResourceSharing BROWSER_UPLOADS =
      new CrossOriginResourceSharing(
          List.of("http://localhost(:[0-9]+)?", "http://127\\.0\\.0\\.1(:[0-9]+)?"),
          List.of("GET", "HEAD", "PUT"),
          List.of("Content-Type"),
          List.of("ETag"),
          "false");

  private final int port;
  private S3Proxy proxy;

  public ObjectStoreServer(Path directory, int port) {
    this.directory = directory;
    this.port = port;
  }

  public synchronized void start() {
    if (proxy != null) {
      return;
    }
    try {
      Files.createDirectories(directory);
      Properties properties = new Properties();
      properties.setProperty("jclouds.filesystem.basedir", directory.toAbsolutePath().toString());
      BlobStore blobStore = BlobStores.create("filesystem", properties);
      S3Proxy starting =
          S3Proxy.builder()
              .blobStore(blobStore)
              .endpoint(URI.create("http://127.0.0.1:" + port))
              .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
              .corsRules(BROWSER_UPLOADS)
              .build();
      starting.start();
      proxy = starting;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the object store directory " + directory, e);
    } catch (Exception e) {
      throw new IllegalStateException("S3Proxy did not start on port " + port, e);
    }
  }

  public synchronized void stop() {
    if (proxy == null) {
      return;
    }
    try {
      proxy.stop();
    } catch (Exception e) {
      throw new IllegalStateException("S3Proxy did not stop cleanly", e);
    } finally {
      proxy = null;
    }
  }

  public synchronized boolean isRunning() {
    return proxy != null;
  }

  public String endpoint() {
    return "http://localhost:" + port;
  }

  public int port() {
    return port;
  }

  public String accessKey() {
    return ACCESS_KEY;
  }

  public String secretKey() {
    return SECRET_KEY;
  }

  public String region() {
    return REGION;
  }

  public Path directory() {
    return directory;
  }
}
