package io.digitaltowns.infra.objectstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.digitaltowns.infra.LocalStack;
import java.net.URI;
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
        try (S3Client s3 = S3Client.builder()
                .endpointOverride(URI.create(stack.s3Endpoint()))
                .region(Region.of(stack.s3Region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(stack.s3AccessKey(), stack.s3SecretKey())))
                .forcePathStyle(true)
                .build()) {
            s3.createBucket(request -> request.bucket(bucket));
            s3.putObject(request -> request.bucket(bucket).key("topics/dt.accounts.events/0.avro"),
                    RequestBody.fromString("archived records", StandardCharsets.UTF_8));

            String content = s3.getObjectAsBytes(request -> request.bucket(bucket).key("topics/dt.accounts.events/0.avro")).asUtf8String();

            assertThat(content).isEqualTo("archived records");
            assertThat(stack.objectStore().directory().resolve(bucket)).isDirectory();
        }
    }
}
