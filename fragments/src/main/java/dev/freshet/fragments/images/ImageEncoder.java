package dev.freshet.fragments.images;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Encodes pictures as JPEG (with an explicit quality) or PNG through ImageIO, in memory (no
 * ImageIO disk cache, and no change to ImageIO's global settings).
 *
 * <p>Stateless; thread-safe (each call uses its own writer).
 */
final class ImageEncoder {

    private ImageEncoder() {
    }

    static byte[] encode(BufferedImage image, ImageFormat format, int jpegQuality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format == ImageFormat.JPEG ? "jpeg" : "png").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), params(writer, format, jpegQuality));
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory image encoding failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static ImageWriteParam params(ImageWriter writer, ImageFormat format, int jpegQuality) {
        ImageWriteParam params = writer.getDefaultWriteParam();
        if (format == ImageFormat.JPEG) {
            params.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            params.setCompressionQuality(jpegQuality / 100f);
        }
        return params;
    }
}
