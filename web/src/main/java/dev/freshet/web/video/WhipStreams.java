package dev.freshet.web.video;

import dev.freshet.fragments.video.ResolvedStream;
import dev.freshet.fragments.video.StreamStatus;
import dev.freshet.fragments.video.VideoErrorType;
import dev.freshet.fragments.video.VideoException;
import dev.freshet.fragments.video.VideoStreamLifecycle;
import dev.freshet.fragments.video.VideoStreamRef;
import dev.freshet.fragments.video.VideoStreams;
import dev.freshet.signaling.whip.PublishTarget;
import dev.freshet.signaling.whip.PublishTargets;
import dev.freshet.signaling.whip.WhipException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * WHIP's stream names resolved over the video control plane, claimed with the same one-writer
 * rule as PutMedia ({@link LiveEdges#claimUpload}): a stream has one producer, whichever protocol.
 * With {@code webrtc-create-streams} an unknown name is created as CreateStream would with only
 * the name (live only: retention 0) and the publish waits out its CREATING phase.
 *
 * <p>Thread-safe.
 */
final class WhipStreams implements PublishTargets {

    private static final Logger LOG = LoggerFactory.getLogger(WhipStreams.class);
    /** Beyond the CREATING phase, for a busy machine. */
    private static final Duration CREATE_SLACK = Duration.ofSeconds(2);
    private static final long POLL_MILLIS = 20;

    private final VideoStreams streams;
    private final LiveEdges edges;
    private final boolean createStreams;

    WhipStreams(VideoStreams streams, LiveEdges edges, boolean createStreams) {
        this.streams = streams;
        this.edges = edges;
        this.createStreams = createStreams;
    }

    @Override
    public PublishTarget claim(String name) {
        ResolvedStream stream = resolve(name);
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

    private ResolvedStream resolve(String name) {
        try {
            return streams.resolve(VideoStreamRef.byName(name));
        } catch (VideoException e) {
            if (!createStreams) {
                throw new WhipException(WhipException.Reason.STREAM_NOT_FOUND, "No video stream named " + name + ".");
            }
        }
        create(name);
        return awaitCreated(name);
    }

    private void create(String name) {
        try {
            streams.streams().create(VideoStreamLifecycle.CreateRequest.named(name));
            LOG.atInfo().setMessage("video stream created for a WHIP publisher").addKeyValue("stream", name).log();
        } catch (VideoException e) {
            if (e.type() != VideoErrorType.RESOURCE_IN_USE) {
                // a name CreateStream refuses (length, characters): the publish is refused the same way
                throw new WhipException(WhipException.Reason.STREAM_NOT_FOUND, "Cannot create stream " + name
                    + ": " + e.getMessage());
            }
            // created meanwhile by another publish or CreateStream: use it
        }
    }

    /** The stream once past CREATING, or as it is when that takes too long. */
    private ResolvedStream awaitCreated(String name) {
        long deadline = System.nanoTime() + streams.settings().transitionDelay().plus(CREATE_SLACK).toNanos();
        while (true) {
            ResolvedStream stream;
            try {
                stream = streams.resolve(VideoStreamRef.byName(name));
            } catch (VideoException e) {
                throw new WhipException(WhipException.Reason.STREAM_NOT_FOUND, "No video stream named " + name + ".");
            }
            if (stream.status() != StreamStatus.CREATING || System.nanoTime() > deadline) {
                return stream;
            }
            try {
                // CREATING ends by the clock, applied on the next read; nothing signals it
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return stream;
            }
        }
    }
}
