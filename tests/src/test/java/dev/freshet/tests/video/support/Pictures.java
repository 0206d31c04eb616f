package dev.freshet.tests.video.support;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Still pictures for the GetImages tests: decoding what the server sent (ImageIO), extracting the source's
 * frame at a time with {@code ffmpeg -ss T -i SRC -frames:v 1} (optionally scaled), and comparing two
 * pictures by their mean absolute difference per RGB channel (0 = identical, 255 = opposite).
 *
 * <p>Stateless; thread-safe.
 */
public final class Pictures {
    private Pictures() {
    }

    public static BufferedImage decode(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                throw new AssertionError("ImageIO cannot decode the " + bytes.length + " bytes as an image");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first source frame at or after {@code seconds}, as PNG decoded, scaled when width and height are > 0. */
    public static BufferedImage sourceFrame(MediaSamples.Media media, double seconds, int width, int height) {
        String scale = width > 0 ? ",scale=" + width + ":" + height + ":flags=bicubic" : "";
        byte[] png = Commands.run(Duration.ofSeconds(30), List.of("ffmpeg", "-hide_banner", "-v", "error", "-nostdin",
                "-ss", String.format(Locale.ROOT, "%.3f", seconds), "-i", media.url(), "-frames:v", "1",
                "-vf", "format=rgb24" + scale, "-f", "image2pipe", "-c:v", "png", "pipe:1")).check().stdout();
        return decode(png);
    }

    /** Mean absolute difference over the R, G and B channels of all pixels; both pictures must have one size. */
    public static double meanDifference(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            throw new AssertionError("pictures of different sizes: " + a.getWidth() + "x" + a.getHeight() + " and "
                    + b.getWidth() + "x" + b.getHeight());
        }
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                sum += Math.abs(((p >> 16) & 0xFF) - ((q >> 16) & 0xFF)) + Math.abs(((p >> 8) & 0xFF) - ((q >> 8) & 0xFF))
                        + Math.abs((p & 0xFF) - (q & 0xFF));
            }
        }
        return sum / (3.0 * a.getWidth() * a.getHeight());
    }
}
