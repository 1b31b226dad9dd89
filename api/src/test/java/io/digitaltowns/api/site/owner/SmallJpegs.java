package io.digitaltowns.api.site.owner;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Real, small JPEG photos made by the JDK's own encoder: a coloured picture with a caption. */
public final class SmallJpegs {

  private SmallJpegs() {}

  public static byte[] photo(Color background, String caption) {
    BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    try {
      graphics.setColor(background);
      graphics.fillRect(0, 0, 640, 480);
      graphics.setColor(Color.WHITE);
      graphics.fillOval(220, 140, 200, 200);
      graphics.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 40));
      graphics.drawString(caption, 40, 440);
    } finally {
      graphics.dispose();
    }
    ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, "jpg", jpeg)) {
        throw new IllegalStateException("no JPEG writer in this JDK");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return jpeg.toByteArray();
  }
}
