package dev.freshet.fragments.video;

import java.time.Duration;
import java.time.Instant;

/**
 * What the data plane needs of a stream a request names ({@link VideoStreams#resolve}).
 *
 * <p>Immutable and thread-safe: a snapshot, so check the status again for long-lived work.
 *
 * @param id             the internal id: the {@code FragmentStore} stream id; a stream deleted and
 *                       created again under the same name gets a new one, so it never sees the old
 *                       fragments
 * @param name           the stream name
 * @param arn            the stream ARN
 * @param retentionHours {@code DataRetentionInHours}; 0 means live only
 * @param status         the status now; the data plane refuses streams that are not ACTIVE or UPDATING
 * @param creationTime   when the stream was created (also in its ARN)
 */
public record ResolvedStream(String id, String name, String arn, int retentionHours, StreamStatus status,
                             Instant creationTime) {

    /** The retention as the fragment store takes it ({@link Duration#ZERO}: live only). */
    public Duration retention() {
        return Duration.ofHours(retentionHours);
    }

    /** Whether media may be written and read: ACTIVE or UPDATING. */
    public boolean acceptsMedia() {
        return status == StreamStatus.ACTIVE || status == StreamStatus.UPDATING;
    }
}
