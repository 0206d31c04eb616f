package dev.freshet.fragments.ingest;

import dev.freshet.fragments.media.Fragment;
import dev.freshet.fragments.media.Frame;
import dev.freshet.fragments.media.MediaKind;
import dev.freshet.fragments.media.Track;
import dev.freshet.fragments.mkv.MkvError;
import dev.freshet.fragments.mkv.MkvException;

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
 *   keyframes).</li>
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
        /** A fragment of {@code tracks} starts with {@code first}, whose data arrived at {@code arrivalMillis}. */
        void fragmentStarted(List<Track> tracks, Frame first, long arrivalMillis);

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

    public FragmentAssembler(Listener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** The tracks of the frames that follow: ends the fragment in progress, which they do not concern. */
    public void tracks(List<Track> newTracks) {
        completeCurrent();
        FragmentRules.checkTracks(newTracks);
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
        if (current != null && startsNext(frame)) {
            completeCurrent();
        }
        if (current == null) {
            FragmentInProgress next = new FragmentInProgress(tracks, previousStartMicros);
            next.add(frame, track);
            current = next;
            listener.fragmentStarted(tracks, frame, arrivalMillis);
        } else {
            current.add(frame, track);
        }
        listener.frameAdded(frame);
    }

    /** The producer's container marked a point where a fragment may end (an MKV Cluster ended). */
    public void boundary() {
        if (primaryVideo == 0) {
            completeCurrent();
        }
    }

    /** The stream ended cleanly: the fragment in progress is complete. */
    public void finish() {
        completeCurrent();
    }

    private boolean startsNext(Frame frame) {
        if (primaryVideo != 0) {
            return frame.track() == primaryVideo && frame.keyframe() && current.holds(primaryVideo);
        }
        return frame.timestampMicros() - current.firstMicros() >= AUDIO_TARGET_MICROS;
    }

    private void completeCurrent() {
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
