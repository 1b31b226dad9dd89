package io.digitaltowns.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The local stack's signing secrets (JWT_SECRET, EMAIL_LINK_SECRET): random, one per data
 * directory, kept in {@code <data dir>/secrets/} and reused on every restart, so sessions and
 * mailed links survive a restart while nobody who merely read the repository can mint a token for
 * this machine's accounts (a fixed secret in the source let anyone sign in as the demo admin).
 */
final class LocalSecrets {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path directory;

  LocalSecrets(Path dataDir) {
    this.directory = dataDir.resolve("secrets");
  }

  /** The secret stored under {@code name}, created (48 random bytes, base64url) the first time. */
  String named(String name) {
    Path file = directory.resolve(name);
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(directory);
        create(file);
      }
      return Files.readString(file, StandardCharsets.US_ASCII).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the local secret " + file, e);
    }
  }

  private static void create(Path file) throws IOException {
    byte[] bytes = new byte[48];
    RANDOM.nextBytes(bytes);
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    try {
      Files.createFile(file);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system (Windows): the data directory's own permissions apply
      }
      Files.writeString(
          file, secret, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
    } catch (FileAlreadyExistsException e) {
      // another process of this data directory created it first: use theirs
    }
  }
}
