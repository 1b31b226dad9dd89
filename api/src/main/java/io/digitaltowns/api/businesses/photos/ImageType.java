package io.digitaltowns.api.businesses.photos;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/** The image formats a listing photo may have, recognised by their first bytes rather than by what a client says. */
enum ImageType {

  JPEG("image/jpeg", "jpg"),
  PNG("image/png", "png"),
  WEBP("image/webp", "webp");

  /** enough of the start of a file to tell the formats apart */
  static final int SIGNATURE_BYTES = 12;

  private static final byte[] JPEG_START = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
  private static final byte[] PNG_START = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
  private static final byte[] RIFF = "RIFF".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] WEBP_FORM = "WEBP".getBytes(StandardCharsets.US_ASCII);

  private final String mediaType;
  private final String extension;

  ImageType(String mediaType, String extension) {
    this.mediaType = mediaType;
    this.extension = extension;
  }

  String mediaType() {
    return mediaType;
  }

  String extension() {
    return extension;
  }

  static Optional<ImageType> ofMediaType(String mediaType) {
    if (mediaType == null) {
      return Optional.empty();
    }
    String bare = mediaType.split(";", 2)[0].trim();
    return Arrays.stream(values()).filter(type -> type.mediaType.equalsIgnoreCase(bare)).findFirst();
  }

  /** What the bytes really are: JPEG FF D8 FF, PNG 89 'PNG' 0D 0A 1A 0A, WebP 'RIFF' size 'WEBP'. */
  static Optional<ImageType> detect(byte[] start) {
    if (startsWith(start, 0, JPEG_START)) {
      return Optional.of(JPEG);
    }
    if (startsWith(start, 0, PNG_START)) {
      return Optional.of(PNG);
    }
    if (startsWith(start, 0, RIFF) && startsWith(start, 8, WEBP_FORM)) {
      return Optional.of(WEBP);
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
