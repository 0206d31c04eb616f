package dev.freshet.fragments.ingest;

import dev.freshet.fragments.live.LiveEdge;
import dev.freshet.fragments.media.Frame;
import dev.freshet.fragments.mkv.ClusterFrames;
import dev.freshet.fragments.mkv.MkvBlock;
import dev.freshet.fragments.mkv.MkvCluster;
import dev.freshet.fragments.mkv.MkvError;
import dev.freshet.fragments.mkv.MkvException;
import dev.freshet.fragments.mkv.MkvStreamParser;
import dev.freshet.fragments.mkv.MkvTracks;
import dev.freshet.fragments.store.FragmentLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One PutMedia upload: MKV bytes in, fragments stored, acknowledgements out. Each block is turned
 * into frames as soon as it is decoded ({@link ClusterFrames}) and fed to a
 * {@link FragmentAssembler}, which cuts fragments at video keyframes whatever the producer's
 * Cluster framing and checks them ({@link FragmentRules}); {@link PutMediaFragments} shows them on
 * the live edge as they grow, stores them and acknowledges them. A fragment's server timestamp is
 * when its first block arrived. A fragment is complete when the next keyframe arrives, the tracks
 * change or the upload ends cleanly; an upload that ends inside an element (a torn last Cluster)
 * is an error, and the fragment in progress is not stored. Bad input ends the upload with one
 * ERROR ack carrying the service's ErrorId; fragments stored before stay untouched.
 *
 * <p>Timecodes: ABSOLUTE means Cluster timecodes are epoch time; RELATIVE adds them to the
 * producer start timestamp of the request.
 *
 * <p>Not thread-safe: feed it from one thread at a time (acks may be sent from storage threads).
 */
public final class PutMediaSession implements MkvStreamParser.Listener {

    public enum TimecodeType { ABSOLUTE, RELATIVE }

    private static final Logger LOG = LoggerFactory.getLogger(PutMediaSession.class);

    private final long baseMicros;
    private final Consumer<PutMediaAck> acks;
    private final InstantSource clock;
    private final PutMediaFragments fragments;
    private final FragmentAssembler assembler;
    private final MkvStreamParser parser = new MkvStreamParser(this);
    private MkvTracks tracks;
    private boolean failed;
    /** Whether everything fed to the assembler so far came in Clusters that ended. */
    private boolean wholeClusters;
    /** A Cluster started and none of its blocks arrived yet. */
    private boolean clusterBegins;
    private long bytesSinceTick;

    public PutMediaSession(FragmentLog log, LiveEdge edge, long streamCreatedMillis, TimecodeType type,
                           long producerStartMillis, Consumer<PutMediaAck> acks, InstantSource clock) {
        this.baseMicros = type == TimecodeType.RELATIVE ? producerStartMillis * 1000 : 0;
        this.acks = acks;
        this.clock = clock;
        this.fragments = new PutMediaFragments(log, edge, streamCreatedMillis, baseMicros, acks);
        this.assembler = new FragmentAssembler(fragments);
    }

    /** Bytes of the upload as they arrive; ignored once the session failed. */
    public void feed(byte[] bytes, int offset, int length) {
        if (failed) {
            return;
        }
        bytesSinceTick += length;
        try {
            parser.feed(bytes, offset, length);
        } catch (MkvException e) {
            fail(e);
        }
    }

    /** The upload ended: the last fragment is complete, unless the stream stopped inside an element. */
    public void finish() {
        if (failed) {
            return;
        }
        try {
            parser.finish();
            assembler.finish();
        } catch (MkvException e) {
            fail(e);
        }
    }

    public boolean failed() {
        return failed;
    }

    /**
     * Completes once every stored fragment was acknowledged PERSISTED — and, after a failure, the
     * ERROR ack that follows them was sent: then the response may end.
     */
    public CompletableFuture<Void> settled() {
        return fragments.settled();
    }

    /** Called periodically: an IDLE ack when nothing arrived since the previous call. */
    public void tick() {
        if (!failed && bytesSinceTick == 0) {
            acks.accept(PutMediaAck.idle());
        }
        bytesSinceTick = 0;
    }

    @Override
    public void onTracks(MkvTracks parsed) {
        // The fragment before new Tracks is complete whatever they hold.
        assembler.tracks(parsed.tracks());
        if (!parsed.unknownCodecs().isEmpty()) {
            throw new MkvException(MkvError.INVALID_MKV_DATA,
                "unsupported codec " + parsed.unknownCodecs().get(0).codecId());
        }
        tracks = parsed;
    }

    @Override
    public void onClusterStart() {
        clusterBegins = true;
    }

    @Override
    public void onBlock(long clusterTimecode, long timecodeScaleNanos, MkvBlock block) {
        wholeClusters = false;
        long arrivalMillis = clock.millis();
        if (clusterBegins) {
            clusterBegins = false;
            try {
                assembler.unitStart(Math.addExact(baseMicros, ClusterFrames.micros(clusterTimecode, timecodeScaleNanos)));
            } catch (ArithmeticException e) {
                throw new MkvException(MkvError.INVALID_MKV_DATA, "the Cluster timecode overflows");
            }
        }
        for (Frame frame : ClusterFrames.toFrames(clusterTimecode, timecodeScaleNanos, block, tracks, baseMicros)) {
            assembler.add(frame, arrivalMillis);
        }
    }

    @Override
    public void onCluster(MkvCluster cluster) {
        assembler.boundary();
        wholeClusters = true;
    }

    private void fail(MkvException e) {
        failed = true;
        if (wholeClusters) {
            keepCompleteClusters();
        }
        LOG.atInfo().setMessage("PutMedia upload refused").addKeyValue("errorId", e.error().errorId())
            .addKeyValue("reason", e.reason()).log();
        fragments.fail(PutMediaAck.error(e.error().errorId(), null));
    }

    /**
     * The upload broke between Clusters (garbage or a hostile element after a complete one): the
     * fragment in progress holds only whole Clusters, as valid as if the upload had ended there, so
     * it is stored rather than lost.
     */
    private void keepCompleteClusters() {
        try {
            assembler.finish();
        } catch (MkvException broken) {
            LOG.atDebug().setMessage("the fragment before the failure broke a rule").addKeyValue("reason",
                broken.reason()).log();
        }
    }
}
