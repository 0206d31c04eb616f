package dev.freshet.fragments.ingest;

import dev.freshet.fragments.media.Fragment;
import dev.freshet.fragments.media.Frame;
import dev.freshet.fragments.media.MediaKind;
import dev.freshet.fragments.media.Track;
import dev.freshet.fragments.mkv.MkvError;
import dev.freshet.fragments.mkv.MkvException;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Cuts one stream's frames, fed in decode order, into fragments — the unit stored and played
 * back. It is the seam between an ingest protocol (PutMedia's Matroska blocks; WebRTC's
 * depacketized frames) and storage, and knows nothing of containers.
 *
 * <p>Where fragments end, in decode order:
 * <ul>
 *   <li>With video: before each keyframe of the <i>primary</i> video track (the lowest-numbered
 *   one) once the fragment holds a frame of it — one GOP per fragment, with the audio decoded
 *   alongside it, whatever the producer's container framing (ffmpeg's Clusters need not start at
 *   keyframes). Where the producer's container unit ({@link #unitStart}, an MKV Cluster) begins
 *   with that keyframe — audio a few milliseconds ahead of it included — the fragment is the
 *   unit: it starts at the unit's start and carries the unit's timestamp, as the service stamps a
 *   fragment with its Cluster's timecode. The frames of a unit before its first picture wait for
 *   it to decide.</li>
 *   <li>Without video: at the producer's container boundary ({@link #boundary()}, an MKV Cluster's
 *   end, so fragments match the KVS producer SDK's), or before the first frame presented
 *   {@link #AUDIO_TARGET_MICROS} or more after the fragment's first, whichever comes first (a
 *   protocol without boundaries still gets 2 s fragments).</li>
 *   <li>New tracks ({@link #tracks}) and the clean end of the stream ({@link #finish()}).</li>
 * </ul>
 *
 * <p>{@link FragmentRules} are checked as each frame arrives; a violation is thrown as an
 * {@link MkvException} (with the PutMedia ErrorId) and the fragment in progress is lost. A stream
 * whose video does not start with a keyframe is refused (4006), as the service refuses such a
 * fragment; encoders and the producer SDKs start with one.
 *
 * <p>Events, in order: {@link Listener#fragmentStarted}, {@link Listener#frameAdded} for each frame
 * (the first included), {@link Listener#fragmentComplete}.
 *
 * <p>Not thread-safe; unusable after it threw.
 */
public final class FragmentAssembler {

    /** Receives the fragments as they form. */
    public interface Listener {
        /**
         * A fragment of {@code tracks} stamped {@code timestampMicros} starts; its first frame's data
         * arrived at {@code arrivalMillis}.
         */
        void fragmentStarted(List<Track> tracks, long timestampMicros, long arrivalMillis);

        /** The next frame of the fragment in progress. */
        void frameAdded(Frame frame);

        /** The fragment in progress is complete and met every rule. */
        void fragmentComplete(Fragment fragment);
    }

    /** How long fragments without video grow when the producer marks no boundaries. */
    public static final long AUDIO_TARGET_MICROS = 2_000_000;

    private final Listener listener;
    private List<Track> tracks;
    private int primaryVideo;
    private FragmentInProgress current;
    private long previousStartMicros = Long.MIN_VALUE;
    /** The timestamp of the unit whose first picture has not arrived yet, or null. */
    private Long unitTimestamp;
    /** Frames of that unit so far, with their arrival times. */
    private final List<Arrived> held = new ArrayList<>();

    private record Arrived(Frame frame, long arrivalMillis) {
    }

    public FragmentAssembler(Listener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** The tracks of the frames that follow: ends the fragment in progress, which they do not concern. */
    public void tracks(List<Track> newTracks) {
        releaseHeld();
        completeCurrent();
        tracks = List.copyOf(newTracks);
        primaryVideo = tracks.stream().filter(t -> t.kind() == MediaKind.VIDEO).mapToInt(Track::number)
            .min().orElse(0);
    }

    /**
     * The next frame in decode order, whose data arrived at {@code arrivalMillis} (server clock).
     *
     * @throws MkvException for a frame of no current track, or one that breaks a fragment rule
     */
    public void add(Frame frame, long arrivalMillis) {
        Track track = trackOf(frame);
        if (unitTimestamp != null && primaryVideo != 0) {
            if (frame.track() != primaryVideo) {
                held.add(new Arrived(frame, arrivalMillis));
                return;
            }
            if (frame.keyframe() && (current == null || current.holds(primaryVideo))) {
                completeCurrent();
                start(unitTimestamp);
            }
            releaseHeld();
        }
        if (current != null && startsNext(frame)) {
            completeCurrent();
        }
        if (current == null) {
            start(frame.timestampMicros());
        }
        boolean first = current.isEmpty();
        current.add(frame, track);
        if (first) {
            listener.fragmentStarted(tracks, current.timestampMicros(), arrivalMillis);
        }
        listener.frameAdded(frame);
    }

    /**
     * The producer's container starts a new unit (an MKV Cluster) stamped {@code timestampMicros}:
     * without video it ends the fragment in progress; with video the unit becomes a fragment of its
     * own if its first picture is a keyframe.
     */
    public void unitStart(long timestampMicros) {
        releaseHeld();
        if (primaryVideo == 0) {
            completeCurrent();
            start(timestampMicros);
            return;
        }
        unitTimestamp = timestampMicros;
    }

    /** The producer's container marked a point where a fragment may end (an MKV Cluster ended). */
    public void boundary() {
        if (primaryVideo == 0) {
            completeCurrent();
        }
    }

    /** The stream ended cleanly: the fragment in progress is complete. */
    public void finish() {
        releaseHeld();
        completeCurrent();
    }

    /** A fragment stamped {@code timestampMicros} begins (its listener learns of it with its first frame). */
    private void start(long timestampMicros) {
        current = new FragmentInProgress(tracks, previousStartMicros, timestampMicros);
    }

    /** The frames held for a unit's first picture join the fragment in progress (or start one). */
    private void releaseHeld() {
        unitTimestamp = null;
        List<Arrived> frames = List.copyOf(held);
        held.clear();
        for (Arrived arrived : frames) {
            add(arrived.frame(), arrived.arrivalMillis());
        }
    }

    private boolean startsNext(Frame frame) {
        if (primaryVideo != 0) {
            return frame.track() == primaryVideo && frame.keyframe() && current.holds(primaryVideo);
        }
        return frame.timestampMicros() - current.firstMicros() >= AUDIO_TARGET_MICROS;
    }

    private void completeCurrent() {
        if (current != null && current.isEmpty()) {
            current = null;
        }
        if (current != null) {
            Fragment fragment = current.complete();
            current = null;
            previousStartMicros = fragment.startMicros();
            listener.fragmentComplete(fragment);
        }
    }

    private Track trackOf(Frame frame) {
        if (tracks == null) {
            throw new IllegalStateException("a frame before any tracks");
        }
        for (Track track : tracks) {
            if (track.number() == frame.track()) {
                return track;
            }
        }
        throw new MkvException(MkvError.TRACK_NUMBER_MISMATCH, "a frame of undefined track " + frame.track());
    }
}
