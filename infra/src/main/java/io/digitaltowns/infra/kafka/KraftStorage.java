package io.digitaltowns.infra.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;

/**
 * The broker's log directory; KRaft refuses to start on a directory that was not formatted first.
 */
final class KraftStorage {

  private final Path logDirectory;

  KraftStorage(Path logDirectory) {
    this.logDirectory = logDirectory;
  }

  boolean isFormatted() {
    return Files.exists(logDirectory.resolve("meta.properties"));
  }

  /**
   * Formats the directory with a new cluster id unless it already holds a cluster: its data must
   * survive restarts.
   */
  void formatIfNeeded(Properties serverProperties) {
    formatIfNeeded(serverProperties, Uuid.randomUuid().toString());
  }

  /**
   * The nodes of one cluster are formatted with the same cluster id; a node refuses to join another
   * cluster's.
   */
  void formatIfNeeded(Properties serverProperties, String clusterId) {
    if (isFormatted()) {
      return;
    }
    try {
      Files.createDirectories(logDirectory);
      Path configFile = Files.createTempFile("kraft-format-", ".properties");
      try {
        try (OutputStream out = Files.newOutputStream(configFile)) {
          serverProperties.store(out, "used once to format " + logDirectory);
        }
        format(configFile, clusterId);
      } finally {
        Files.deleteIfExists(configFile);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot format the Kafka log directory " + logDirectory, e);
    }
  }

  private void format(Path configFile, String clusterId) {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    // execute(), unlike main(), reports failure by its return value instead of calling System.exit.
    int exitCode =
        StorageTool.execute(
            new String[] {
              "format",
              "--cluster-id",
              clusterId,
              "--config",
              configFile.toString(),
              "--ignore-formatted"
            },
            new PrintStream(output, true, StandardCharsets.UTF_8));
    if (exitCode != 0) {
      throw new IllegalStateException(
          "formatting " + logDirectory + " failed: " + output.toString(StandardCharsets.UTF_8));
    }
  }
}
