package dev.freshet.fragments.ingest;

import dev.freshet.fragments.live.LiveEdge;
import dev.freshet.fragments.media.Frame;
import dev.freshet.fragments.media.Track;
import dev.freshet.fragments.mkv.MkvException;
import dev.freshet.fragments.store.FragmentLog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Frames from a source that is not PutMedia — a WebRTC publisher's depacketized H.264 and Opus —
 * into a video stream, through the same {@link FragmentAssembler} and storage as PutMedia: cut at
 * keyframes, shown on the live edge frame by frame, stored, and reported as the PutMedia acks
 * would be (BUFFERING, RECEIVED, PERSISTED, ERROR) to whoever wants to count them. Timestamps are
 * epoch microseconds (capture time).
 *
 * <p>A frame that breaks a fragment rule ends the ingest ({@link #failed()}): fragments stored
 * before stay; the source should be told to stop.
 *
 * <p>Not thread-safe: feed it from one thread (events may come from storage threads).
 */
public final class FrameIngest {

    private static final Logger LOG = LoggerFactory.getLogger(FrameIngest.class);

    private final PutMediaFragments fragments;
    private final FragmentAssembler assembler;
    private final AtomicLong persisted = new AtomicLong();
    private volatile boolean failed;

    public FrameIngest(FragmentLog log, LiveEdge edge, long streamCreatedMillis, Consumer<PutMediaAck> events) {
        this.fragments = new PutMediaFragments(log, edge, streamCreatedMillis, 0, ack -> {
            if (ack.eventType().equals("PERSISTED")) {
                persisted.incrementAndGet();
            }
            events.accept(ack);
        });
        this.assembler = new FragmentAssembler(fragments);
    }

    /** The tracks of the frames that follow (ends the fragment in progress). */
    public void tracks(List<Track> tracks) {
        run(() -> assembler.tracks(tracks));
    }

    /** The next frame, in decode order across tracks; its data arrived at {@code arrivalMillis}. */
    public void add(Frame frame, long arrivalMillis) {
        run(() -> assembler.add(frame, arrivalMillis));
    }

    /** The source ended cleanly: the fragment in progress is complete. */
    public void finish() {
        run(assembler::finish);
    }

    public boolean failed() {
        return failed;
    }

    /** Fragments stored and durable so far. */
    public long persisted() {
        return persisted.get();
    }

    /** Completes once every stored fragment was reported PERSISTED (and an ERROR after a failure). */
    public CompletableFuture<Void> settled() {
        return fragments.settled();
    }

    private void run(Runnable step) {
        if (failed) {
            return;
        }
        try {
            step.run();
        } catch (MkvException e) {
            failed = true;
            LOG.atInfo().setMessage("frame ingest refused a frame").addKeyValue("errorId", e.error().errorId())
                .addKeyValue("reason", e.reason()).log();
            fragments.fail(PutMediaAck.error(e.error().errorId(), null));
        }
    }
}
