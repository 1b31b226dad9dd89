package io.digitaltowns.benchmark.deployed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The JVM options the Dockerfile gives every service ({@code ENV ... JAVA_OPTS="..."}). */
final class DockerfileJavaOpts {

  private static final Pattern JAVA_OPTS = Pattern.compile("JAVA_OPTS=\"([^\"]*)\"");

  private DockerfileJavaOpts() {}

  static List<String> read(Path dockerfile) {
    try {
      Matcher matcher = JAVA_OPTS.matcher(Files.readString(dockerfile));
      if (!matcher.find()) {
        throw new IllegalStateException("no JAVA_OPTS=\"...\" in " + dockerfile.toAbsolutePath());
      }
      return List.of(matcher.group(1).trim().split("\\s+"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
