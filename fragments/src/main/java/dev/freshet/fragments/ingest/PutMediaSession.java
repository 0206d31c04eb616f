package dev.freshet.fragments.ingest;

import dev.freshet.fragments.live.LiveEdge;
import dev.freshet.fragments.media.Fragment;
import dev.freshet.fragments.media.Frame;
import dev.freshet.fragments.media.Track;
import dev.freshet.fragments.mkv.ClusterFrames;
import dev.freshet.fragments.mkv.MkvCluster;
import dev.freshet.fragments.mkv.MkvError;
import dev.freshet.fragments.mkv.MkvException;
import dev.freshet.fragments.mkv.MkvStreamParser;
import dev.freshet.fragments.mkv.MkvTracks;
import dev.freshet.fragments.store.FragmentInfo;
import dev.freshet.fragments.store.FragmentLog;
import dev.freshet.fragments.store.FragmentNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One PutMedia upload: MKV bytes in, fragments stored, acknowledgements out. Each Cluster becomes
 * one fragment; once whole it is checked ({@link FragmentRules}), shown on the stream's live edge,
 * stored, and acknowledged BUFFERING and RECEIVED, then PERSISTED when durable (in order). Bad
 * input ends the upload with one ERROR ack carrying the service's ErrorId; fragments stored before
 * stay untouched.
 *
 * <p>Timecodes: ABSOLUTE means Cluster timecodes are epoch time; RELATIVE adds them to the
 * producer start timestamp of the request.
 *
 * <p>Not thread-safe: feed it from one thread at a time (acks may be sent from storage threads).
 */
public final class PutMediaSession implements MkvStreamParser.Listener {

    public enum TimecodeType { ABSOLUTE, RELATIVE }

    private static final Logger LOG = LoggerFactory.getLogger(PutMediaSession.class);

    private final FragmentLog log;
    private final LiveEdge edge;
    private final long streamCreatedMillis;
    private final long baseMicros;
    private final Consumer<PutMediaAck> acks;
    private final InstantSource clock;
    private final MkvStreamParser parser = new MkvStreamParser(this);
    private MkvTracks tracks;
    private long clusterStartMillis;
    private long previousStartMicros = Long.MIN_VALUE;
    private CompletableFuture<Void> persisted = CompletableFuture.completedFuture(null);
    private boolean failed;
    private long bytesSinceTick;

    public PutMediaSession(FragmentLog log, LiveEdge edge, long streamCreatedMillis, TimecodeType type,
                           long producerStartMillis, Consumer<PutMediaAck> acks, InstantSource clock) {
        this.log = log;
        this.edge = edge;
        this.streamCreatedMillis = streamCreatedMillis;
        this.baseMicros = type == TimecodeType.RELATIVE ? producerStartMillis * 1000 : 0;
        this.acks = acks;
        this.clock = clock;
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

    /** The upload ended: a torn last Cluster is an error and is not stored. */
    public void finish() {
        if (failed) {
            return;
        }
        try {
            parser.finish();
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
        return persisted;
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
        if (!parsed.unknownCodecs().isEmpty()) {
            throw new MkvException(MkvError.INVALID_MKV_DATA,
                "unsupported codec " + parsed.unknownCodecs().get(0).codecId());
        }
        tracks = parsed;
    }

    @Override
    public void onClusterStart() {
        clusterStartMillis = clock.millis();
    }

    @Override
    public void onCluster(MkvCluster cluster) {
        if (tracks == null) {
            throw new MkvException(MkvError.INVALID_MKV_DATA, "a Cluster before any Tracks");
        }
        List<Frame> frames = ClusterFrames.toFrames(cluster, tracks, baseMicros);
        long timecode = cluster.timecode() * cluster.timecodeScaleNanos() / 1_000_000;
        // The service stamps a fragment with its Cluster's timecode (audio may start a little earlier).
        Fragment fragment = new Fragment(tracks.tracks(), frames, baseMicros + timecode * 1000);
        FragmentRules.check(fragment, previousStartMicros);
        previousStartMicros = fragment.startMicros();
        store(fragment, timecode);
    }

    private void store(Fragment fragment, long timecode) {
        long expected = log.latest().map(FragmentInfo::sequence).orElse(-1L) + 1;
        String number = FragmentNumbers.format(streamCreatedMillis, expected, clusterStartMillis);
        acks.accept(new PutMediaAck("BUFFERING", timecode, number, null));
        showLive(fragment, expected);
        acks.accept(new PutMediaAck("RECEIVED", timecode, number, null));
        CompletableFuture<FragmentInfo> stored = log.append(fragment, clusterStartMillis);
        persisted = persisted.thenCombine(stored, (previous, info) -> info)
            .thenAccept(info -> acks.accept(new PutMediaAck("PERSISTED", timecode, info.fragmentNumber(), null)))
            .exceptionally(error -> {
                LOG.atError().setMessage("storing a fragment failed").setCause(error).log();
                acks.accept(PutMediaAck.error(5001, timecode));
                return null;
            });
    }

    private void showLive(Fragment fragment, long expectedSequence) {
        edge.publishFragment(expectedSequence, fragment);
    }

    private void fail(MkvException e) {
        failed = true;
        LOG.atInfo().setMessage("PutMedia upload refused").addKeyValue("errorId", e.error().errorId())
            .addKeyValue("reason", e.reason()).log();
        PutMediaAck error = PutMediaAck.error(e.error().errorId(), null);
        persisted = persisted.handle((ok, failure) -> null).thenRun(() -> acks.accept(error));
    }
}
