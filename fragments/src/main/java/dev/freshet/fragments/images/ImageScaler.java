package dev.freshet.fragments.images;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Output sizes as GetImages defines them ({@link ImageOptions}), and resampling to them: bilinear,
 * halving step by step when shrinking by more than two so that every source pixel still counts.
 *
 * <p>Stateless; thread-safe.
 */
final class ImageScaler {

    /** Bound on a side computed from the aspect ratio (the API bounds the sides it is given). */
    static final int MAX_DERIVED_SIDE = 8192;

    private ImageScaler() {
    }

    /** {@code {width, height}} of the output for a {@code sourceWidth x sourceHeight} picture. */
    static int[] outputSize(int sourceWidth, int sourceHeight, int widthPixels, int heightPixels) {
        if (widthPixels > 0 && heightPixels > 0) {
            return new int[] {widthPixels, heightPixels};
        }
        if (widthPixels > 0) {
            return new int[] {widthPixels, derived(widthPixels, sourceHeight, sourceWidth)};
        }
        if (heightPixels > 0) {
            return new int[] {derived(heightPixels, sourceWidth, sourceHeight), heightPixels};
        }
        return new int[] {sourceWidth, sourceHeight};
    }

    /** The picture at {@code width x height}; the same picture when it already has that size. */
    static BufferedImage scale(BufferedImage source, int width, int height) {
        BufferedImage current = source;
        while (current.getWidth() / 2 >= width && current.getHeight() / 2 >= height) {
            current = resample(current, current.getWidth() / 2, current.getHeight() / 2);
        }
        if (current.getWidth() == width && current.getHeight() == height) {
            return current;
        }
        return resample(current, width, height);
    }

    private static int derived(int given, int otherSource, int givenSource) {
        long side = Math.round((double) given * otherSource / givenSource);
        return (int) Math.max(1, Math.min(MAX_DERIVED_SIDE, side));
    }

    private static BufferedImage resample(BufferedImage source, int width, int height) {
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }
}
