package dev.freshet.fragments.images;

import java.util.Objects;

/**
 * How GetImages wants its pictures: {@code Format}, the JPEG quality of {@code FormatConfig}
 * ({@code JPEGQuality}, 1 = smallest .. 100 = best, default 80), {@code WidthPixels} and
 * {@code HeightPixels} (0 when not given), and which frame answers a time.
 *
 * <p>Sizing follows the API's words: both given, the picture is stretched to exactly that size;
 * one given, the other follows the original aspect ratio; neither, the original size. Immutable;
 * thread-safe.
 *
 * @param format       JPEG or PNG
 * @param jpegQuality  1..100, ignored for PNG
 * @param widthPixels  output width, 0 = from the height (or original)
 * @param heightPixels output height, 0 = from the width (or original)
 * @param selection    which frame answers a requested time
 */
public record ImageOptions(ImageFormat format, int jpegQuality, int widthPixels, int heightPixels,
                           FrameSelection selection) {

    public static final int DEFAULT_JPEG_QUALITY = 80;

    public ImageOptions {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(selection, "selection");
        if (jpegQuality < 1 || jpegQuality > 100) {
            throw new IllegalArgumentException("JPEG quality " + jpegQuality + " outside 1..100");
        }
        if (widthPixels < 0 || heightPixels < 0) {
            throw new IllegalArgumentException("negative size " + widthPixels + "x" + heightPixels);
        }
    }

    /** JPEG at the default quality, original size, nearest frame. */
    public static ImageOptions jpeg() {
        return jpeg(DEFAULT_JPEG_QUALITY);
    }

    public static ImageOptions jpeg(int quality) {
        return new ImageOptions(ImageFormat.JPEG, quality, 0, 0, FrameSelection.NEAREST_FRAME);
    }

    public static ImageOptions png() {
        return new ImageOptions(ImageFormat.PNG, DEFAULT_JPEG_QUALITY, 0, 0, FrameSelection.NEAREST_FRAME);
    }

    /** The same options with WidthPixels/HeightPixels (0 = not given). */
    public ImageOptions withSize(int width, int height) {
        return new ImageOptions(format, jpegQuality, width, height, selection);
    }

    public ImageOptions withSelection(FrameSelection frameSelection) {
        return new ImageOptions(format, jpegQuality, widthPixels, heightPixels, frameSelection);
    }
}
