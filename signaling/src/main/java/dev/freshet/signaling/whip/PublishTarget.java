package dev.freshet.signaling.whip;

import dev.freshet.fragments.live.LiveEdge;
import dev.freshet.fragments.store.FragmentLog;

import java.util.Objects;

/**
 * Where one publisher's frames go: the stream's fragment log and live edge, and its creation time
 * (fragments number from it). Claimed for one publisher; {@link #release} gives the stream back.
 *
 * <p>Immutable; what it holds is thread-safe.
 *
 * @param stream        the stream's name, for logs
 * @param log           the stream's fragments
 * @param edge          what LL-HLS serves before fragments are stored
 * @param createdMillis the stream's creation time, epoch milliseconds
 * @param release       called once when the publisher is gone
 */
public record PublishTarget(String stream, FragmentLog log, LiveEdge edge, long createdMillis, Runnable release) {

    public PublishTarget {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(edge, "edge");
        Objects.requireNonNull(release, "release");
    }
}
