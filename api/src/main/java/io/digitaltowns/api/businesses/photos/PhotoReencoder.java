package io.digitaltowns.api.businesses.photos;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.springframework.stereotype.Component;

/**
 * Turns an uploaded file into the photo that is served: the whole file is decoded as the declared
 * type (a file that only starts like an image, or that hides something after its image, does not
 * survive this) and its pixels are written anew as a file of that type that carries nothing else:
 * no EXIF (a phone photo's GPS position gives away a home address), no comments, no ICC or text
 * chunks.
 */
@Component
class PhotoReencoder {

  /** what JPEGs are written at: visually lossless for photos, about a third of the size of 1.0 */
  private static final float JPEG_QUALITY = 0.9f;

  private final StorageProperties properties;

  PhotoReencoder(StorageProperties properties) {
    this.properties = properties;
  }

  /** A re-encoded photo: only pixels. */
  record CleanPhoto(ImageType type, byte[] bytes, int width, int height) {}

  /**
   * Why an upload cannot become a photo; {@code reason} is the problem body's machine-readable
   * code.
   */
  static final class UnusableImageException extends Exception {

    private final String reason;

    UnusableImageException(String reason, String message) {
      super(message);
      this.reason = reason;
    }

    String reason() {
      return reason;
    }
  }

  CleanPhoto reencode(byte[] upload, ImageType type) throws UnusableImageException {
    BufferedImage decoded = decode(upload, type);
    // the one piece of metadata that changes what the photo shows: applied to the pixels, since
    // none is kept
    BufferedImage image =
        type == ImageType.JPEG ? ExifOrientation.of(upload).applyTo(decoded) : decoded;
    return new CleanPhoto(type, encode(image, type), image.getWidth(), image.getHeight());
  }

  private BufferedImage decode(byte[] upload, ImageType type) throws UnusableImageException {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(type.imageIoFormat());
    if (!readers.hasNext()) {
      throw new IllegalStateException("this JDK has no " + type.imageIoFormat() + " reader");
    }
    ImageReader reader = readers.next();
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
      // metadata is never read: nothing of it is kept, and its parsers are more code to trust
      reader.setInput(in, true, true);
      // the header says how large the pixels will be: a small file may claim a gigantic image (a
      // decompression bomb)
      long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
      if (pixels > properties.maxPhotoPixels()) {
        throw new UnusableImageException(
            "too-many-pixels",
            "The image has "
                + pixels
                + " pixels; at most "
                + properties.maxPhotoPixels()
                + " are accepted. Scale it down and upload it again.");
      }
      return reader.read(0);
    } catch (IOException | RuntimeException e) {
      // ImageIO reports broken data as IIOException, but also as IllegalArgumentException,
      // IndexOutOfBounds...
      throw new UnusableImageException(
          "not-an-image",
          "The uploaded file is not a whole "
              + type.mediaType()
              + " image (it cannot be decoded).");
    } finally {
      reader.dispose();
    }
  }

  private static byte[] encode(BufferedImage image, ImageType type) {
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(type.imageIoFormat());
    if (!writers.hasNext()) {
      throw new IllegalStateException("this JDK has no " + type.imageIoFormat() + " writer");
    }
    ImageWriter writer = writers.next();
    ImageWriteParam parameters = writer.getDefaultWriteParam();
    BufferedImage pixels = image;
    if (type == ImageType.JPEG) {
      parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      parameters.setCompressionQuality(JPEG_QUALITY);
      pixels = opaqueRgb(image);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      writer.setOutput(out);
      // no metadata given: the writer puts only what the format needs (a bare JFIF header, the PNG
      // chunks)
      writer.write(null, new IIOImage(pixels, null, null), parameters);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode a " + type.mediaType() + " in memory", e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  /**
   * The JPEG writer takes 3-channel RGB (or grey); a decoded JPEG may come as another raster
   * layout.
   */
  private static BufferedImage opaqueRgb(BufferedImage image) {
    if (image.getType() == BufferedImage.TYPE_3BYTE_BGR
        || image.getType() == BufferedImage.TYPE_BYTE_GRAY
        || image.getType() == BufferedImage.TYPE_INT_RGB) {
      return image;
    }
    BufferedImage rgb =
        new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = rgb.createGraphics();
    try {
      graphics.drawImage(image, 0, 0, null);
    } finally {
      graphics.dispose();
    }
    return rgb;
  }
}
