package dev.freshet.signaling.whip;

/**
 * Resolves a stream name from a WHIP URL to where its frames go, claiming it for one publisher:
 * implemented by the web layer over its video streams, so the same one-writer rule holds for WHIP
 * and PutMedia.
 *
 * <p>Implementations must be thread-safe.
 */
@FunctionalInterface
public interface PublishTargets {

    /**
     * Claims {@code stream} for a publisher.
     *
     * @throws WhipException {@link WhipException.Reason#STREAM_NOT_FOUND} or {@link WhipException.Reason#STREAM_BUSY}
     */
    PublishTarget claim(String stream);
}
