package dev.freshet.fragments.ingest;

import dev.freshet.fragments.live.LiveEdge;
import dev.freshet.fragments.media.Fragment;
import dev.freshet.fragments.media.Frame;
import dev.freshet.fragments.media.Track;
import dev.freshet.fragments.store.FragmentInfo;
import dev.freshet.fragments.store.FragmentLog;
import dev.freshet.fragments.store.FragmentNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * What becomes of the fragments of one PutMedia upload as they form: each is shown on the stream's
 * live edge frame by frame, acknowledged BUFFERING when it starts and RECEIVED when complete,
 * stored, and acknowledged PERSISTED once durable, in order. An ERROR ack, if any, follows every
 * PERSISTED one.
 *
 * <p>Acks carry the fragment's {@code FragmentTimecode}: its timestamp in the producer's own
 * milliseconds (before the RELATIVE base is added) — for GOP-aligned Clusters their timecode, what
 * the KVS producer SDK matches acks against.
 *
 * <p>Not thread-safe: called from the upload's thread (PERSISTED acks come from storage threads).
 */
final class PutMediaFragments implements FragmentAssembler.Listener {

    /** The fragment in progress: the number it will be stored as, and its acks' timecode. */
    private record Started(long sequence, String number, long timecode, long arrivalMillis) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(PutMediaFragments.class);

    private final FragmentLog log;
    private final LiveEdge edge;
    private final long streamCreatedMillis;
    private final long baseMicros;
    private final Consumer<PutMediaAck> acks;
    private Started current;
    private long lastSequence = -1;
    private CompletableFuture<Void> persisted = CompletableFuture.completedFuture(null);

    PutMediaFragments(FragmentLog log, LiveEdge edge, long streamCreatedMillis, long baseMicros,
                      Consumer<PutMediaAck> acks) {
        this.log = log;
        this.edge = edge;
        this.streamCreatedMillis = streamCreatedMillis;
        this.baseMicros = baseMicros;
        this.acks = acks;
    }

    @Override
    public void fragmentStarted(List<Track> tracks, long timestampMicros, long arrivalMillis) {
        // The previous fragment may still be on its way into the log: count it.
        long sequence = Math.max(log.latest().map(FragmentInfo::sequence).orElse(-1L), lastSequence) + 1;
        lastSequence = sequence;
        long timecode = Math.floorDiv(timestampMicros - baseMicros, 1000);
        current = new Started(sequence, FragmentNumbers.format(streamCreatedMillis, sequence, arrivalMillis),
            timecode, arrivalMillis);
        acks.accept(new PutMediaAck("BUFFERING", timecode, current.number(), null));
        edge.startFragment(sequence, tracks);
    }

    @Override
    public void frameAdded(Frame frame) {
        edge.addFrame(frame);
    }

    @Override
    public void fragmentComplete(Fragment fragment) {
        Started done = current;
        current = null;
        edge.endFragment();
        acks.accept(new PutMediaAck("RECEIVED", done.timecode(), done.number(), null));
        CompletableFuture<FragmentInfo> stored = log.append(fragment, done.arrivalMillis());
        persisted = persisted.thenCombine(stored, (previous, info) -> info)
            .thenAccept(info -> acks.accept(new PutMediaAck("PERSISTED", done.timecode(), info.fragmentNumber(), null)))
            .exceptionally(error -> {
                LOG.atError().setMessage("storing a fragment failed").setCause(error).log();
                acks.accept(PutMediaAck.error(5001, done.timecode()));
                return null;
            });
    }

    /** The upload failed: the fragment in progress is dropped, and {@code error} acked after the stored ones. */
    void fail(PutMediaAck error) {
        if (current != null) {
            current = null;
            edge.abandonFragment();
        }
        persisted = persisted.handle((ok, failure) -> null).thenRun(() -> acks.accept(error));
    }

    /** Completes once every stored fragment was acknowledged (and the ERROR ack after a failure sent). */
    CompletableFuture<Void> settled() {
        return persisted;
    }
}
