package io.digitaltowns.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, finding 14: the local stack's JWT secret was fixed in the source; now one per data
 * directory.
 */
class LocalSecretsTest {

  @TempDir Path first;

  @TempDir Path second;

  @Test
  void each_data_directory_gets_its_own_random_secret_kept_for_restarts() throws IOException {
    String secret = new LocalSecrets(first).named("jwt-secret");

    assertThat(Base64.getUrlDecoder().decode(secret)).hasSize(48);
    assertThat(secret.getBytes(StandardCharsets.UTF_8).length)
        .as("JWT_SECRET needs 32 bytes")
        .isGreaterThanOrEqualTo(32);
    assertThat(new LocalSecrets(first).named("jwt-secret")).as("after a restart").isEqualTo(secret);
    assertThat(new LocalSecrets(second).named("jwt-secret"))
        .as("another data directory")
        .isNotEqualTo(secret);
    assertThat(new LocalSecrets(first).named("email-link-secret"))
        .as("another secret")
        .isNotEqualTo(secret);
    assertThat(secret).doesNotContain("local-stack-jwt-secret-not-for-production");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(first.resolve("secrets/jwt-secret"))))
        .isEqualTo("rw-------");
  }
}
