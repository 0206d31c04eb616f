package dev.freshet.web.video;

import dev.freshet.fragments.live.LiveEdge;
import dev.freshet.fragments.store.FragmentLog;
import dev.freshet.fragments.store.FragmentNumbers;
import dev.freshet.fragments.video.ResolvedStream;
import dev.freshet.fragments.video.VideoErrorType;
import dev.freshet.fragments.video.VideoStreamRef;
import dev.freshet.fragments.video.VideoStreams;

/**
 * Finds the stream a playback session was issued for: by name, and only if it is still the same
 * stream (a stream deleted and created again under the name has another id), with its fragments and
 * live edge.
 *
 * <p>Thread-safe.
 */
final class PlaybackStreams {

    /** A session's stream, its stored fragments and its live edge. */
    record Playback(ResolvedStream stream, FragmentLog log, LiveEdge edge) {

        /** The log sequence a fragment number names; ResourceNotFound for numbers of no fragment here. */
        long sequenceOf(String fragmentNumber) {
            if (fragmentNumber == null) {
                throw VideoErrorType.INVALID_ARGUMENT.exception("The FragmentNumber parameter is required.");
            }
            return FragmentNumbers.sequenceOf(fragmentNumber, stream.creationTime().toEpochMilli())
                .orElseThrow(() -> VideoErrorType.RESOURCE_NOT_FOUND.exception(
                    "Fragment %s is not in the stream.", fragmentNumber));
        }
    }

    private final VideoStreams streams;
    private final LiveEdges edges;

    PlaybackStreams(VideoStreams streams, LiveEdges edges) {
        this.streams = streams;
        this.edges = edges;
    }

    Playback open(String streamId, String streamName) {
        ResolvedStream stream = streams.resolve(new VideoStreamRef(streamName, null));
        if (!stream.id().equals(streamId)) {
            throw VideoErrorType.RESOURCE_NOT_FOUND.exception("The session's stream %s no longer exists.", streamName);
        }
        return new Playback(stream, streams.fragments(stream), edges.edge(stream.id()));
    }
}
