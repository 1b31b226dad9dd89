package io.digitaltowns.api.site.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The unpack step of the fallback browser, on a small stand-in of the npm package's {@code bin/}
 * folder packed the same way (brotli, and a tar inside for the libraries), so that it is checked on
 * every build even on machines that have Debian's Chromium and never take the fallback.
 */
class PackagedChromiumTest {

  @TempDir Path folder;

  @Test
  void unpacking_inflates_the_executable_and_the_libraries_beside_it() throws Exception {
    Path bin = Files.createDirectories(folder.resolve("bin"));
    byte[] executable = "#!/bin/sh\necho chromium\n".getBytes(StandardCharsets.US_ASCII);
    brotli(executable, bin.resolve("chromium.br"));
    brotli(
        tar("libEGL.so", "egl library".getBytes(StandardCharsets.US_ASCII)),
        bin.resolve("swiftshader.tar.br"));
    PackagedChromium packaged = new PackagedChromium(folder.resolve("cache"));

    packaged.unpack(bin);

    assertThat(packaged.executable()).hasBinaryContent(executable).isExecutable();
    assertThat(folder.resolve("cache").resolve("libEGL.so")).hasContent("egl library");
  }

  @Test
  void a_browser_already_unpacked_on_this_machine_is_used_without_fetching_again()
      throws Exception {
    Path cache = Files.createDirectories(folder.resolve("cache"));
    Files.writeString(cache.resolve("READY"), "unpacked earlier\n");

    assertThat(new PackagedChromium(cache).ensure()).isEqualTo(cache.resolve("chromium"));
  }

  /** One regular file in a ustar archive, as the package's swiftshader.tar holds them. */
  private static byte[] tar(String name, byte[] content) {
    byte[] header = new byte[512];
    put(header, 0, name);
    put(header, 100, "0000755\0");
    put(header, 108, "0000000\0");
    put(header, 116, "0000000\0");
    put(header, 124, String.format("%011o\0", content.length));
    put(header, 136, "00000000000\0");
    put(header, 148, "        ");
    header[156] = '0';
    put(header, 257, "ustar\0");
    put(header, 263, "00");
    int checksum = 0;
    for (byte b : header) {
      checksum += b & 0xff;
    }
    put(header, 148, String.format("%06o\0 ", checksum));
    ByteArrayOutputStream archive = new ByteArrayOutputStream();
    archive.writeBytes(header);
    archive.writeBytes(content);
    archive.writeBytes(new byte[(512 - content.length % 512) % 512]);
    archive.writeBytes(new byte[1024]);
    return archive.toByteArray();
  }

  private static void put(byte[] header, int offset, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(bytes, 0, header, offset, bytes.length);
  }

  /** Brotli is not in the JDK: node's zlib packs it, as the package's own build did. */
  private static void brotli(byte[] content, Path target) throws IOException, InterruptedException {
    Path plain = Files.write(target.resolveSibling(target.getFileName() + ".plain"), content);
    Process node =
        new ProcessBuilder(
                "node",
                "-e",
                "const fs=require('fs'),zlib=require('zlib');"
                    + "fs.writeFileSync(process.argv[2],zlib.brotliCompressSync(fs.readFileSync(process.argv[1])))",
                plain.toString(),
                target.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(node.getInputStream().readAllBytes());
    assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(node.exitValue()).as(output).isZero();
    Files.delete(plain);
  }
}
