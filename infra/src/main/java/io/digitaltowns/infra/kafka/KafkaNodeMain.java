package io.digitaltowns.infra.kafka;

import java.util.Arrays;

/**
 * Entry point of one broker of a {@link KafkaCluster}, run as a child {@code java} process: it ends
 * itself when the process that started it is gone, so a test JVM killed mid-run does not leave
 * brokers behind holding ports.
 */
public final class KafkaNodeMain {

  private KafkaNodeMain() {}

  /** Arguments: the parent's pid, then Kafka's own ({@code server.properties}). */
  public static void main(String[] args) {
    if (args.length < 2) {
      throw new IllegalArgumentException("usage: KafkaNodeMain <parent pid> <server.properties>");
    }
    long parentPid = Long.parseLong(args[0]);
    ProcessHandle.of(parentPid)
        .ifPresentOrElse(
            parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(1)),
            () -> Runtime.getRuntime().halt(1));
    kafka.Kafka.main(Arrays.copyOfRange(args, 1, args.length));
  }
}
