package dev.freshet.fragments.hls;

import dev.freshet.fragments.live.LiveEdge;
import dev.freshet.fragments.live.LivePart;
import dev.freshet.fragments.store.FragmentInfo;
import dev.freshet.fragments.store.FragmentLog;

import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the fragments of a session's media playlist and writes it:
 * <ul>
 *   <li>LIVE: the newest {@code maxFragments} fragments (404 when none arrived in the last 30 s and
 *   none is being received); with a live edge and fMP4, the low-latency form with parts;</li>
 *   <li>LIVE_REPLAY: from the start time onwards, advancing with the wall clock since the session
 *   began, newest {@code maxFragments};</li>
 *   <li>ON_DEMAND: the fragments in the range, at most {@code maxFragments}, ended.</li>
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class HlsPlaylists {

    /** LIVE sessions need a fragment this recent (the service's rule). */
    public static final long LIVE_FRESHNESS_MILLIS = 30_000;
    /** Newest segments whose parts are listed in low-latency playlists. */
    private static final int SEGMENTS_WITH_PARTS = 3;

    private final long partTargetMicros;

    public HlsPlaylists(long partTargetMicros) {
        this.partTargetMicros = partTargetMicros;
    }

    /** The fragments the session's playlist lists now. */
    public List<FragmentInfo> select(HlsSession session, FragmentLog log, boolean receiving, long nowMillis) {
        List<FragmentInfo> chosen = switch (session.mode()) {
            case LIVE -> newest(log, session.maxFragments());
            case LIVE_REPLAY -> replayWindow(session, log, nowMillis);
            case ON_DEMAND -> log.list(session.kind(), session.startMillis(), session.endMillis(), -1,
                session.maxFragments());
        };
        boolean fresh = !chosen.isEmpty()
            && chosen.get(chosen.size() - 1).serverTimestampMillis() >= nowMillis - LIVE_FRESHNESS_MILLIS;
        if (session.mode() == HlsSession.Mode.LIVE ? !fresh && !receiving : chosen.isEmpty()) {
            throw new PlaybackException(PlaybackException.Reason.NO_FRAGMENTS,
                "No fragments found in the stream for the streaming request.");
        }
        return chosen;
    }

    public String mediaPlaylist(HlsSession session, String token, FragmentLog log, LiveEdge edge, long nowMillis) {
        LiveEdge.Snapshot live = edge == null ? null : edge.snapshot();
        boolean lowLatency = lowLatency(session, live);
        List<FragmentInfo> fragments = select(session, log, lowLatency && live.receiving(), nowMillis);
        List<PlaylistSegment> segments = segments(session, token, fragments, lowLatency ? live : null);
        long discontinuitySequence = discontinuitySequence(session, fragments);
        boolean ended = session.mode() == HlsSession.Mode.ON_DEMAND;
        return MediaPlaylistWriter.write(segments, discontinuitySequence, ended,
            lowLatency ? receiving(token, live, fragments) : null);
    }

    /** Whether the playlist is the low-latency kind: LIVE, fMP4, and a live edge that has seen media. */
    public static boolean lowLatency(HlsSession session, LiveEdge.Snapshot live) {
        return session.mode() == HlsSession.Mode.LIVE && session.container() == HlsSession.Container.FRAGMENTED_MP4
            && live != null && live.fragmentSequence() >= 0;
    }

    private List<PlaylistSegment> segments(HlsSession session, String token, List<FragmentInfo> fragments,
                                           LiveEdge.Snapshot live) {
        List<PlaylistSegment> segments = new ArrayList<>(fragments.size());
        for (int i = 0; i < fragments.size(); i++) {
            FragmentInfo fragment = fragments.get(i);
            boolean newTracks = i == 0 || fragments.get(i - 1).tracksFingerprint() != fragment.tracksFingerprint();
            String mapUri = session.container() == HlsSession.Container.FRAGMENTED_MP4 && newTracks
                ? HlsUris.init(token, fragment.fragmentNumber()) : null;
            List<PlaylistPart> parts = live != null && i >= fragments.size() - SEGMENTS_WITH_PARTS
                ? parts(token, fragment.sequence(), live.partsOf(fragment.sequence())) : List.of();
            segments.add(new PlaylistSegment(fragment.sequence(),
                HlsUris.fragment(session.container(), token, fragment.fragmentNumber()),
                fragment.durationMillis() * 1000, session.displayTimestamp() ? fragment.timestamp(session.kind()) : -1,
                i > 0 && discontinuityBefore(session, fragment), mapUri, parts));
        }
        return segments;
    }

    private MediaPlaylistWriter.LowLatency receiving(String token, LiveEdge.Snapshot live, List<FragmentInfo> stored) {
        long lastStored = stored.isEmpty() ? -1 : stored.get(stored.size() - 1).sequence();
        // Parts after the last segment belong to the next one: while the fragment before the
        // receiving one is still being stored, list none rather than misplace them.
        if (!live.receiving() || live.fragmentSequence() != lastStored + 1) {
            return new MediaPlaylistWriter.LowLatency(partTargetMicros, lastStored + 1, List.of(),
                HlsUris.part(token, lastStored + 1, 0));
        }
        List<PlaylistPart> parts = parts(token, live.fragmentSequence(), live.parts());
        return new MediaPlaylistWriter.LowLatency(partTargetMicros, live.fragmentSequence(), parts,
            HlsUris.part(token, live.fragmentSequence(), parts.size()));
    }

    private static List<PlaylistPart> parts(String token, long sequence, List<LivePart> liveParts) {
        List<PlaylistPart> parts = new ArrayList<>(liveParts.size());
        for (LivePart part : liveParts) {
            parts.add(new PlaylistPart(HlsUris.part(token, sequence, part.index()), part.durationMicros(),
                part.independent()));
        }
        return parts;
    }

    private static boolean discontinuityBefore(HlsSession session, FragmentInfo fragment) {
        return switch (session.discontinuity()) {
            case ALWAYS -> true;
            case NEVER -> false;
            case ON_DISCONTINUITY -> fragment.discontinuityBefore();
        };
    }

    private static long discontinuitySequence(HlsSession session, List<FragmentInfo> fragments) {
        if (fragments.isEmpty()) {
            return 0;
        }
        FragmentInfo first = fragments.get(0);
        return switch (session.discontinuity()) {
            case ALWAYS -> first.sequence();
            case NEVER -> 0;
            case ON_DISCONTINUITY -> first.discontinuities();
        };
    }

    private static List<FragmentInfo> newest(FragmentLog log, int max) {
        long latest = log.latest().map(FragmentInfo::sequence).orElse(-1L);
        return log.after(latest - max, max);
    }

    private static List<FragmentInfo> replayWindow(HlsSession session, FragmentLog log, long nowMillis) {
        long played = Math.max(0, nowMillis - session.issuedMillis());
        long until = Math.min(session.endMillis(), session.startMillis() + played + LIVE_FRESHNESS_MILLIS);
        List<FragmentInfo> all = log.list(session.kind(), session.startMillis(), until, -1, Integer.MAX_VALUE);
        return all.subList(Math.max(0, all.size() - session.maxFragments()), all.size());
    }
}
