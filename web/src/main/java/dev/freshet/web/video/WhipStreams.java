package dev.freshet.web.video;

import dev.freshet.fragments.video.ResolvedStream;
import dev.freshet.fragments.video.VideoException;
import dev.freshet.fragments.video.VideoStreamRef;
import dev.freshet.fragments.video.VideoStreams;
import dev.freshet.signaling.whip.PublishTarget;
import dev.freshet.signaling.whip.PublishTargets;
import dev.freshet.signaling.whip.WhipException;

/**
 * WHIP's stream names resolved over the video control plane, claimed with the same one-writer
 * rule as PutMedia ({@link LiveEdges#claimUpload}): a stream has one producer, whichever protocol.
 *
 * <p>Thread-safe.
 */
final class WhipStreams implements PublishTargets {

    private final VideoStreams streams;
    private final LiveEdges edges;

    WhipStreams(VideoStreams streams, LiveEdges edges) {
        this.streams = streams;
        this.edges = edges;
    }

    @Override
    public PublishTarget claim(String name) {
        ResolvedStream stream;
        try {
            stream = streams.resolve(VideoStreamRef.byName(name));
        } catch (VideoException e) {
            throw new WhipException(WhipException.Reason.STREAM_NOT_FOUND, "No video stream named " + name + ".");
        }
        if (!stream.acceptsMedia()) {
            throw new WhipException(WhipException.Reason.STREAM_NOT_FOUND, "Stream " + name + " is not active.");
        }
        if (!edges.claimUpload(stream.id())) {
            throw new WhipException(WhipException.Reason.STREAM_BUSY,
                "Another producer (WHIP or PutMedia) is writing stream " + name + ".");
        }
        return new PublishTarget(stream.name(), streams.fragments(stream), edges.edge(stream.id()),
            stream.creationTime().toEpochMilli(), () -> edges.releaseUpload(stream.id()));
    }
}
