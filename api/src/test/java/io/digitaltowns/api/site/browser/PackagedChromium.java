package io.digitaltowns.api.site.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A headless Chromium that ships inside an npm registry package ({@code @sparticuz/chromium}), for
 * machines without Debian's {@code chromium}. Playwright's own browser download cannot work here
 * (its CDN is not a registry), but the npm registry is reachable, and that package carries a
 * brotli-packed Chromium.
 *
 * <p>It is fetched with npm and unpacked with node's built-in brotli once per machine, into a cache
 * outside {@code target/} so that {@code mvn clean} does not throw 70 MB away. A file lock keeps
 * two test JVMs from unpacking at once; a marker file written last says the unpacked browser is
 * complete.
 */
final class PackagedChromium {

  static final String PACKAGE = "@sparticuz/chromium";
  static final String VERSION = "153.0.0";
  private static final String UNPACK_SCRIPT = "unpack-packaged-chromium.cjs";
  private static final Duration COMMAND_LIMIT = Duration.ofMinutes(10);
  private static final Logger log = LoggerFactory.getLogger(PackagedChromium.class);

  private final Path cache;

  PackagedChromium(Path cache) {
    this.cache = cache;
  }

  /**
   * {@code ~/.cache/digitaltowns/chromium-153}, unless {@code DIGITALTOWNS_CHROMIUM_CACHE} names
   * another folder.
   */
  static PackagedChromium inDefaultCache() {
    String configured =
        BrowserSettings.value("digitaltowns.browser.chromium-cache", "DIGITALTOWNS_CHROMIUM_CACHE");
    Path cache =
        configured != null
            ? Path.of(configured)
            : Path.of(
                System.getProperty("user.home"),
                ".cache",
                "digitaltowns",
                "chromium-" + VERSION.split("\\.")[0]);
    return new PackagedChromium(cache);
  }

  Path executable() {
    return cache.resolve("chromium");
  }

  private Path marker() {
    return cache.resolve("READY");
  }

  /** The unpacked browser, fetched and unpacked first when this machine does not have it yet. */
  Path ensure() {
    if (Files.exists(marker())) {
      return executable();
    }
    try {
      Files.createDirectories(cache);
      try (FileChannel lockFile =
              FileChannel.open(
                  cache.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock ignored = lockFile.lock()) {
        if (!Files.exists(marker())) {
          fetchAndUnpack();
        }
      }
      return executable();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not prepare " + PACKAGE + " " + VERSION + " in " + cache, e);
    }
  }

  private void fetchAndUnpack() throws IOException {
    Instant started = Instant.now();
    Path npmPrefix = cache.resolve("npm");
    log.info(
        "No system Chromium: fetching {}@{} from the npm registry into {}",
        PACKAGE,
        VERSION,
        npmPrefix);
    run(
        List.of(
            "npm",
            "install",
            "--prefix",
            npmPrefix.toString(),
            "--no-save",
            "--no-audit",
            "--no-fund",
            "--ignore-scripts",
            "--loglevel=error",
            PACKAGE + "@" + VERSION));
    unpack(npmPrefix.resolve("node_modules").resolve(PACKAGE).resolve("bin"));
    deleteRecursively(npmPrefix);
    Files.writeString(marker(), PACKAGE + "@" + VERSION + " unpacked " + Instant.now() + "\n");
    log.info(
        "Unpacked {}@{} to {} in {} s (done once per machine; delete {} to fetch it again)",
        PACKAGE,
        VERSION,
        executable(),
        Duration.between(started, Instant.now()).toSeconds(),
        cache);
  }

  /** Inflates the package's {@code bin/*.br} files into this cache with node's built-in brotli. */
  void unpack(Path packageBin) throws IOException {
    Path script = Files.createTempFile("unpack-packaged-chromium", ".cjs");
    try (InputStream source = PackagedChromium.class.getResourceAsStream(UNPACK_SCRIPT)) {
      if (source == null) {
        throw new IllegalStateException(UNPACK_SCRIPT + " is missing from the test classpath");
      }
      Files.copy(source, script, StandardCopyOption.REPLACE_EXISTING);
      run(List.of("node", script.toString(), packageBin.toString(), cache.toString()));
    } finally {
      Files.deleteIfExists(script);
    }
  }

  private static void run(List<String> command) throws IOException {
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new IOException("could not start `" + command.get(0) + "` (is it installed?)", e);
    }
    try {
      String output = new String(process.getInputStream().readAllBytes());
      if (!process.waitFor(COMMAND_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException(
            "`" + String.join(" ", command) + "` did not finish within " + COMMAND_LIMIT);
      }
      if (!output.isBlank()) {
        log.info("{}: {}", command.get(0), output.strip());
      }
      if (process.exitValue() != 0) {
        throw new IOException(
            "`"
                + String.join(" ", command)
                + "` exited with "
                + process.exitValue()
                + ": "
                + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IOException("interrupted while running " + command.get(0), e);
    }
  }

  private static void deleteRecursively(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
