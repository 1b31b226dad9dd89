package io.digitaltowns.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where the local stack keeps its data and which ports its servers listen on.
 */
public record LocalStackSettings(
        Path dataDir,
        int postgresPort,
        int kafkaPort,
        int kafkaControllerPort,
        int schemaRegistryPort,
        int smtpPort,
        int mailApiPort,
        int s3Port,
        int stripePort) {

    /** Fixed ports (overridable by environment variables) and a data directory that outlives the process. */
    public static LocalStackSettings fromEnvironment(Path dataDir) {
        return fromEnvironment(dataDir, System.getenv());
    }

    static LocalStackSettings fromEnvironment(Path dataDir, Map<String, String> env) {
        return new LocalStackSettings(
                dataDir,
                port(env, "POSTGRES_PORT", 15432),
                port(env, "KAFKA_PORT", 9092),
                port(env, "KAFKA_CONTROLLER_PORT", 9093),
                port(env, "SCHEMA_REGISTRY_PORT", 8081),
                port(env, "SMTP_PORT", 2525),
                port(env, "MAIL_API_PORT", 8025),
                port(env, "S3_PORT", 9000),
                // stripe-mock's port: the local Stripe stand-in
                port(env, "STRIPE_STANDIN_PORT", 12111));
    }

    /**
     * A throw-away stack for tests: random free ports, so that it never clashes with a stack a developer
     * has running, and a fresh temporary data directory removed when the JVM exits.
     */
    public static LocalStackSettings ephemeral() {
        Path dataDir = temporaryDataDir();
        Set<Integer> taken = new HashSet<>();
        return new LocalStackSettings(
                dataDir,
                freePort(taken), freePort(taken), freePort(taken), freePort(taken),
                freePort(taken), freePort(taken), freePort(taken), freePort(taken));
    }

    private static int port(Map<String, String> env, String name, int defaultPort) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return defaultPort;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number, was '" + value + "'", e);
        }
    }

    private static int freePort(Set<Integer> taken) {
        // The socket closes before the server binds, so another process could grab the port in between;
        // a collision inside this stack is ruled out by remembering what we already handed out.
        while (true) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
                int port = socket.getLocalPort();
                if (taken.add(port)) {
                    return port;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("no free port available", e);
            }
        }
    }

    private static Path temporaryDataDir() {
        try {
            Path dir = Files.createTempDirectory("digitaltowns-stack-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir), "delete-" + dir.getFileName()));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary data directory", e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // best effort: the OS cleans temporary directories eventually
        }
    }
}
