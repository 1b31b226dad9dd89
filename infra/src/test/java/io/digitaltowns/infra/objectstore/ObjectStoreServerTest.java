package io.digitaltowns.infra.objectstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.digitaltowns.infra.LocalStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

class ObjectStoreServerTest {

  @Test
  void an_object_put_through_the_s3_api_is_read_back() {
    LocalStack stack = LocalStack.shared();
    String bucket = "backups-" + UUID.randomUUID();
    try (S3Client s3 = s3(stack)) {
      s3.createBucket(request -> request.bucket(bucket));
      s3.putObject(
          request -> request.bucket(bucket).key("topics/dt.accounts.events/0.avro"),
          RequestBody.fromString("archived records", StandardCharsets.UTF_8));

      String content =
          s3.getObjectAsBytes(
                  request -> request.bucket(bucket).key("topics/dt.accounts.events/0.avro"))
              .asUtf8String();

      assertThat(content).isEqualTo("archived records");
      assertThat(stack.objectStore().directory().resolve(bucket)).isDirectory();
    }
  }

  @Test
  void a_page_on_this_machine_may_put_to_a_presigned_url_and_another_site_may_not()
      throws Exception {
    LocalStack stack = LocalStack.shared();
    String bucket = "photos-" + UUID.randomUUID();
    try (S3Client s3 = s3(stack)) {
      s3.createBucket(request -> request.bucket(bucket));
    }
    HttpClient http = HttpClient.newHttpClient();

    HttpResponse<Void> local =
        http.send(
            preflight(stack, bucket, "http://localhost:8080"),
            HttpResponse.BodyHandlers.discarding());
    HttpResponse<Void> foreign =
        http.send(
            preflight(stack, bucket, "https://evil.example"),
            HttpResponse.BodyHandlers.discarding());

    assertThat(local.statusCode()).isEqualTo(200);
    assertThat(local.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue("http://localhost:8080");
    assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  /**
   * What a browser asks before a script PUTs a photo to the store (static/site/photo-upload.js in
   * the api).
   */
  private static HttpRequest preflight(LocalStack stack, String bucket, String origin) {
    return HttpRequest.newBuilder(
            URI.create(stack.s3Endpoint() + "/" + bucket + "/businesses/x.jpg"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", origin)
        .header("Access-Control-Request-Method", "PUT")
        .header("Access-Control-Request-Headers", "content-type")
        .build();
  }

  private static S3Client s3(LocalStack stack) {
    return S3Client.builder()
        .endpointOverride(URI.create(stack.s3Endpoint()))
        .region(Region.of(stack.s3Region()))
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(stack.s3AccessKey(), stack.s3SecretKey())))
        .forcePathStyle(true)
        .build();
  }
}
