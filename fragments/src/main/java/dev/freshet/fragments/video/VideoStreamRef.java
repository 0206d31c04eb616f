package dev.freshet.fragments.video;

/**
 * How a request names a video stream: by {@code StreamName}, by {@code StreamARN}, or both (then
 * they must agree). Either may be null, not both; the catalog checks.
 *
 * <p>Immutable and thread-safe.
 */
public record VideoStreamRef(String name, String arn) {

    public static VideoStreamRef byName(String name) {
        return new VideoStreamRef(name, null);
    }

    public static VideoStreamRef byArn(String arn) {
        return new VideoStreamRef(null, arn);
    }

    @Override
    public String toString() {
        return arn != null ? arn : String.valueOf(name);
    }
}
