package io.digitaltowns.benchmark.deployed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@link LocalServersMain} launched as its own JVM from this JVM's class path; its addresses once
 * it is ready.
 */
public final class ServersJvm implements AutoCloseable {

  private final Process process;
  private final Map<String, String> addresses;

  private ServersJvm(Process process, Map<String, String> addresses) {
    this.process = process;
    this.addresses = addresses;
  }

  public static ServersJvm start(Path logDir) throws IOException {
    Files.createDirectories(logDir);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
                java,
                "-Xmx1g",
                "-Xlog:gc:file=" + logDir.resolve("servers-gc.log"),
                "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=" + ServiceJvm.AVRO_PACKAGES,
                "-cp",
                System.getProperty("java.class.path"),
                LocalServersMain.class.getName())
            .redirectErrorStream(true);
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    Process process = builder.start();
    Map<String, String> addresses = new LinkedHashMap<>();
    Path log = logDir.resolve("servers.log");
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    try (var writer = Files.newBufferedWriter(log)) {
      String line;
      while ((line = out.readLine()) != null) {
        writer.write(line);
        writer.newLine();
        if (line.equals("[servers] ready")) {
          break;
        }
        if (line.startsWith("[servers] ") && line.contains("=")) {
          String pair = line.substring("[servers] ".length());
          addresses.put(
              pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
      }
      if (line == null) {
        throw new IOException("the servers' JVM ended before it was ready: see " + log);
      }
    }
    // keep draining its output, or it would block once the pipe is full
    Thread drain =
        new Thread(
            () -> {
              try (var writer = Files.newBufferedWriter(log, StandardOpenOption.APPEND)) {
                String line;
                while ((line = out.readLine()) != null) {
                  writer.write(line);
                  writer.newLine();
                }
              } catch (IOException e) {
                // the JVM ended
              }
            },
            "bench-servers-output");
    drain.setDaemon(true);
    drain.start();
    return new ServersJvm(process, addresses);
  }

  public String get(String key) {
    String value = addresses.get(key);
    if (value == null) {
      throw new IllegalStateException(
          "the servers did not print " + key + ": " + addresses.keySet());
    }
    return value;
  }

  public long pid() {
    return process.pid();
  }

  /**
   * Closing its standard input makes it stop the servers and exit; killed if it takes more than 60
   * s.
   */
  @Override
  public void close() throws Exception {
    process.getOutputStream().close();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
