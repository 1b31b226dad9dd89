package io.digitaltowns.api.businesses.photos;

import java.util.Arrays;
import java.util.Optional;

/**
 * The image formats a listing photo may have, recognised by their first bytes rather than by what a
 * client says. Each is one the JDK itself decodes and encodes (javax.imageio): a confirmed photo is
 * decoded whole and written anew, so only formats with both a reader and a writer can be accepted.
 * WebP has neither in the JDK and no decoder that writes it back resolves from the package registry
 * here, so it is refused at the upload request.
 */
enum ImageType {
  JPEG("image/jpeg", "jpg", "jpeg"),
  PNG("image/png", "png", "png");

  private static final byte[] JPEG_START = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
  private static final byte[] PNG_START = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

  private final String mediaType;
  private final String extension;
  private final String imageIoFormat;

  ImageType(String mediaType, String extension, String imageIoFormat) {
    this.mediaType = mediaType;
    this.extension = extension;
    this.imageIoFormat = imageIoFormat;
  }

  String mediaType() {
    return mediaType;
  }

  String extension() {
    return extension;
  }

  /** the javax.imageio format name of its reader and writer */
  String imageIoFormat() {
    return imageIoFormat;
  }

  /** Shown inline, under a fixed name: never a name (or an extension) a client chose. */
  String contentDisposition() {
    return "inline; filename=\"photo." + extension + "\"";
  }

  static Optional<ImageType> ofMediaType(String mediaType) {
    if (mediaType == null) {
      return Optional.empty();
    }
    String bare = mediaType.split(";", 2)[0].trim();
    return Arrays.stream(values())
        .filter(type -> type.mediaType.equalsIgnoreCase(bare))
        .findFirst();
  }

  /**
   * What the bytes say they are: JPEG FF D8 FF, PNG 89 'PNG' 0D 0A 1A 0A (decoding them tells
   * whether they are).
   */
  static Optional<ImageType> detect(byte[] start) {
    if (startsWith(start, 0, JPEG_START)) {
      return Optional.of(JPEG);
    }
    if (startsWith(start, 0, PNG_START)) {
      return Optional.of(PNG);
    }
    return Optional.empty();
  }

  private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
    if (bytes.length < offset + prefix.length) {
      return false;
    }
    return Arrays.equals(bytes, offset, offset + prefix.length, prefix, 0, prefix.length);
  }
}
