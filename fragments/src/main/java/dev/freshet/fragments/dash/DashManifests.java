package dev.freshet.fragments.dash;

import dev.freshet.fragments.hls.HlsSession;
import dev.freshet.fragments.hls.PlaybackException;
import dev.freshet.fragments.hls.PlaybackFragments;
import dev.freshet.fragments.media.Fragment;
import dev.freshet.fragments.media.Track;
import dev.freshet.fragments.store.FragmentInfo;
import dev.freshet.fragments.store.FragmentLog;

import java.util.ArrayList;
import java.util.List;

/**
 * The MPEG-DASH manifest of a session (GetDASHManifest): the fragments {@link PlaybackFragments}
 * chooses, as in HLS, each fragment one segment per track ({@link DashMedia}).
 *
 * <ul>
 *   <li>ON_DEMAND: {@code type="static"}; the presentation starts at the first fragment.</li>
 *   <li>LIVE: {@code type="dynamic"}, media time on the wall clock: availabilityStartTime is the
 *   epoch, as producers stamp frames with the time they were captured, so a fragment becomes
 *   available as it ends.</li>
 *   <li>LIVE_REPLAY: dynamic too, the range start played at the moment the session began.</li>
 * </ul>
 *
 * <p>Each track is an AdaptationSet of its own rather than one multiplexed Representation: FFmpeg's
 * DASH demuxer gives every packet of a Representation to that Representation's one stream (audio
 * would reach the video decoder), and browsers' Media Source Extensions want a buffer per track.
 * One Period has one init segment per track, so a manifest lists only fragments with the same
 * tracks: from the first one onwards for ON_DEMAND, back from the newest one for live sessions.
 *
 * <p>Reads the fragment index, and the media of one fragment (its tracks). Stateless; thread-safe.
 */
public final class DashManifests {

    private DashManifests() {
    }

    /**
     * @throws PlaybackException NO_FRAGMENTS when the session has none to list (a LIVE session
     *                           counts as not receiving); UNSUPPORTED_MEDIA when their tracks lack
     *                           the codec private data DASH needs
     */
    public static String manifest(DashSession session, String token, FragmentLog log, long nowMillis) {
        boolean dynamic = session.mode() != HlsSession.Mode.ON_DEMAND;
        List<FragmentInfo> fragments = sameTracks(PlaybackFragments.select(session, log, false, nowMillis), dynamic);
        FragmentInfo anchor = dynamic ? fragments.get(fragments.size() - 1) : fragments.get(0);
        Fragment described = PlaybackFragments.read(log, anchor.sequence());
        List<MpdRepresentation> representations = representations(described,
            PlaybackFragments.peakBitsPerSecond(fragments));
        List<MpdSegment> segments = segments(session, fragments);
        return MpdWriter.write(timeline(session, segments, nowMillis), representations, token,
            anchor.fragmentNumber(), segments);
    }

    /**
     * One per track; the peak bit rate of the fragments shared among the tracks as their bytes are
     * shared in the fragment read (the index knows only whole fragments' sizes).
     */
    private static List<MpdRepresentation> representations(Fragment fragment, long peakBitsPerSecond) {
        long total = Math.max(1, fragment.sizeBytes());
        List<MpdRepresentation> representations = new ArrayList<>(fragment.tracks().size());
        for (Track track : fragment.tracks()) {
            long bytes = fragment.frames().stream().filter(f -> f.track() == track.number())
                .mapToLong(f -> f.data().length).sum();
            representations.add(MpdRepresentation.of(track, Math.max(1, peakBitsPerSecond * bytes / total)));
        }
        return representations;
    }

    /** The segments; each lasts at most until the next starts, so that the timeline never overlaps itself. */
    private static List<MpdSegment> segments(DashSession session, List<FragmentInfo> fragments) {
        List<MpdSegment> segments = new ArrayList<>(fragments.size());
        for (int i = 0; i < fragments.size(); i++) {
            FragmentInfo fragment = fragments.get(i);
            long start = fragment.producerTimestampMillis();
            long untilNext = i + 1 < fragments.size() ? fragments.get(i + 1).producerTimestampMillis() - start
                : Long.MAX_VALUE;
            long duration = Math.max(0, Math.min(fragment.durationMillis(), untilNext));
            segments.add(new MpdSegment(start, duration, fragment.fragmentNumber(), session.displayFragmentNumber(),
                session.displayFragmentTimestamp() ? fragment.timestamp(session.kind()) : -1));
        }
        return segments;
    }

    private static MpdTimeline timeline(DashSession session, List<MpdSegment> segments, long nowMillis) {
        return switch (session.mode()) {
            case ON_DEMAND -> new MpdTimeline(false, 0, segments.get(0).startMillis(), nowMillis);
            case LIVE -> new MpdTimeline(true, 0, 0, nowMillis);
            // the range start (on the selector's clock, close to the producer's) plays when the session began
            case LIVE_REPLAY -> new MpdTimeline(true, session.issuedMillis() - replayStart(session, segments), 0,
                nowMillis);
        };
    }

    private static long replayStart(DashSession session, List<MpdSegment> segments) {
        return session.startMillis() == Long.MIN_VALUE ? segments.get(0).startMillis() : session.startMillis();
    }

    /** The run of fragments with the anchor's tracks: the newest one's when {@code newest}, else the first one's. */
    private static List<FragmentInfo> sameTracks(List<FragmentInfo> fragments, boolean newest) {
        int anchor = newest ? fragments.size() - 1 : 0;
        int step = newest ? -1 : 1;
        long tracks = fragments.get(anchor).tracksFingerprint();
        int last = anchor;
        while (last + step >= 0 && last + step < fragments.size()
            && fragments.get(last + step).tracksFingerprint() == tracks) {
            last += step;
        }
        return fragments.subList(Math.min(anchor, last), Math.max(anchor, last) + 1);
    }
}
