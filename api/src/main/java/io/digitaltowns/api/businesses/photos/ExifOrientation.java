package io.digitaltowns.api.businesses.photos;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * How a camera says its JPEG is to be turned for display (EXIF tag 0x0112): phones store the
 * sensor's pixels and record "rotate 90°" here rather than turning them. Re-encoding drops all
 * metadata, so the turn is applied to the pixels first; otherwise every upright phone photo would
 * be shown sideways. Only this one tag of IFD0 is read; anything unexpected counts as "as stored".
 */
enum ExifOrientation {
  AS_STORED,
  MIRRORED,
  UPSIDE_DOWN,
  FLIPPED,
  TRANSPOSED,
  TURNED_RIGHT,
  TRANSVERSED,
  TURNED_LEFT;

  private static final int ORIENTATION_TAG = 0x0112;
  private static final byte[] EXIF_HEADER = {'E', 'x', 'i', 'f', 0, 0};

  /**
   * The orientation a JPEG's EXIF block records, AS_STORED when it has none (or one that does not
   * parse).
   */
  static ExifOrientation of(byte[] jpeg) {
    try {
      int at = 2; // after SOI
      while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
        int marker = jpeg[at + 1] & 0xFF;
        int length = ((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF);
        if (marker == 0xDA || length < 2) {
          return AS_STORED; // the scan starts: no metadata after it
        }
        if (marker == 0xE1 && startsWithExif(jpeg, at + 4)) {
          return fromTiff(
              ByteBuffer.wrap(jpeg, at + 4 + EXIF_HEADER.length, length - 2 - EXIF_HEADER.length)
                  .slice());
        }
        at += 2 + length;
      }
    } catch (RuntimeException e) {
      // a block cut short or pointing outside itself: show the pixels as stored
    }
    return AS_STORED;
  }

  /** The pixels turned as recorded: what a viewer honouring the tag would show. */
  BufferedImage applyTo(BufferedImage image) {
    if (this == AS_STORED) {
      return image;
    }
    int w = image.getWidth();
    int h = image.getHeight();
    boolean swaps = ordinal() >= TRANSPOSED.ordinal();
    // AffineTransform(m00, m10, m01, m11, m02, m12): x' = m00 x + m01 y + m02, y' = m10 x + m11 y +
    // m12
    AffineTransform turn =
        switch (this) {
          case MIRRORED -> new AffineTransform(-1, 0, 0, 1, w, 0);
          case UPSIDE_DOWN -> new AffineTransform(-1, 0, 0, -1, w, h);
          case FLIPPED -> new AffineTransform(1, 0, 0, -1, 0, h);
          case TRANSPOSED -> new AffineTransform(0, 1, 1, 0, 0, 0);
          case TURNED_RIGHT -> new AffineTransform(0, 1, -1, 0, h, 0);
          case TRANSVERSED -> new AffineTransform(0, -1, -1, 0, h, w);
          case TURNED_LEFT -> new AffineTransform(0, -1, 1, 0, 0, w);
          case AS_STORED -> new AffineTransform();
        };
    BufferedImage turned =
        new BufferedImage(swaps ? h : w, swaps ? w : h, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = turned.createGraphics();
    try {
      graphics.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
      graphics.drawImage(image, turn, null);
    } finally {
      graphics.dispose();
    }
    return turned;
  }

  private static boolean startsWithExif(byte[] bytes, int at) {
    if (at + EXIF_HEADER.length > bytes.length) {
      return false;
    }
    for (int i = 0; i < EXIF_HEADER.length; i++) {
      if (bytes[at + i] != EXIF_HEADER[i]) {
        return false;
      }
    }
    return true;
  }

  private static ExifOrientation fromTiff(ByteBuffer tiff) {
    char first = (char) tiff.get(0);
    tiff.order(first == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
    int ifd0 = tiff.getInt(4);
    int entries = tiff.getShort(ifd0) & 0xFFFF;
    for (int i = 0; i < entries; i++) {
      int entry = ifd0 + 2 + 12 * i;
      if ((tiff.getShort(entry) & 0xFFFF) == ORIENTATION_TAG) {
        int value = tiff.getShort(entry + 8) & 0xFFFF; // a SHORT, left-aligned in the value field
        return value >= 1 && value <= 8 ? values()[value - 1] : AS_STORED;
      }
    }
    return AS_STORED;
  }
}
