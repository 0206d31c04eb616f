package dev.freshet.fragments.images;

/**
 * The answer for one requested time: an encoded picture, or why none could be made (which the API
 * reports as {@code MEDIA_ERROR}). Immutable; thread-safe.
 */
public sealed interface ImageResult {

    /** The time asked for, microseconds since the epoch. */
    long requestedMicros();

    /** Why a fragment's frames gave no picture. */
    enum Failure {
        /** The codec has no decoder here (H.265: JCodec decodes H.264 only). */
        UNSUPPORTED_CODEC,
        /** An H.264 format the decoder cannot handle: not 4:2:0, more than 8 bits, interlaced, too large. */
        UNSUPPORTED_FORMAT,
        /** No SPS/PPS, neither in CodecPrivate nor in the keyframe. */
        MISSING_CONFIG,
        /** The first frame is no keyframe, or the bytes do not decode. */
        CORRUPT_DATA,
        /** The track has no frames to decode. */
        NO_FRAMES
    }

    /**
     * An encoded picture.
     *
     * @param requestedMicros the time asked for
     * @param frameMicros     presentation time of the frame shown
     * @param width           pixels of the encoded picture
     * @param height          pixels of the encoded picture
     * @param format          its encoding
     * @param content         the JPEG or PNG bytes (shared by every result showing the same frame; do not modify)
     */
    record Encoded(long requestedMicros, long frameMicros, int width, int height, ImageFormat format, byte[] content)
        implements ImageResult {
    }

    /**
     * No picture.
     *
     * @param requestedMicros the time asked for
     * @param failure         why
     * @param detail          a human-readable explanation for logs
     */
    record MediaError(long requestedMicros, Failure failure, String detail) implements ImageResult {
    }
}
