package dev.freshet.fragments.hls;

import dev.freshet.fragments.live.LiveEdge;
import dev.freshet.fragments.live.LivePart;
import dev.freshet.fragments.media.Fragment;
import dev.freshet.fragments.media.Track;
import dev.freshet.fragments.store.FragmentInfo;
import dev.freshet.fragments.store.FragmentLog;
import dev.freshet.fragments.ts.TsSegmentWriter;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a session's playlists from the fragments {@link PlaybackFragments} chooses for it:
 * <ul>
 *   <li>the media playlist — LIVE: the newest fragments, with a live edge and fMP4 in the
 *   low-latency form with parts; LIVE_REPLAY: advancing with the wall clock; ON_DEMAND: ended;</li>
 *   <li>the master playlist: one variant, its bandwidth, codecs and resolution.</li>
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class HlsPlaylists {

    /** LIVE sessions need a fragment this recent (the service's rule). */
    public static final long LIVE_FRESHNESS_MILLIS = PlaybackFragments.LIVE_FRESHNESS_MILLIS;
    /** Newest segments whose parts are listed in low-latency playlists. */
    private static final int SEGMENTS_WITH_PARTS = 3;

    private final long partTargetMicros;

    public HlsPlaylists(long partTargetMicros) {
        this.partTargetMicros = partTargetMicros;
    }

    /** The fragments the session's playlist lists now ({@link PlaybackFragments#select}). */
    public List<FragmentInfo> select(HlsSession session, FragmentLog log, boolean receiving, long nowMillis) {
        return PlaybackFragments.select(session, log, receiving, nowMillis);
    }

    /**
     * The session's master playlist: one variant, described from the fragments the media playlist
     * would list now — its peak bit rate over them, and the codecs and picture size of the newest
     * one's tracks that the session's container carries.
     *
     * @throws PlaybackException NO_FRAGMENTS as {@link #select} (a LIVE session counts as not receiving)
     */
    public String masterPlaylist(HlsSession session, String token, FragmentLog log, long nowMillis) {
        List<FragmentInfo> fragments = select(session, log, false, nowMillis);
        Fragment newest = PlaybackFragments.read(log, fragments.get(fragments.size() - 1).sequence());
        VariantStream variant = VariantStream.of(carried(session.container(), newest.tracks()),
            PlaybackFragments.peakBitsPerSecond(fragments));
        return MasterPlaylistWriter.write(variant.bandwidth(), variant.codecs(), variant.width(), variant.height(),
            HlsUris.media(token), false);
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

    /**
     * The parts after the last segment: those of the fragment after the last stored one, while it
     * is received and also once complete until it is stored (a playlist never loses a part it
     * listed), then a preload hint for the part to come.
     */
    private MediaPlaylistWriter.LowLatency receiving(String token, LiveEdge.Snapshot live, List<FragmentInfo> stored) {
        long lastStored = stored.isEmpty() ? -1 : stored.get(stored.size() - 1).sequence();
        long next = lastStored + 1;
        List<PlaylistPart> parts = parts(token, next, live.partsOf(next));
        boolean nextStillArriving = live.receiving() && live.fragmentSequence() == next;
        // A hint names the next part of the last segment listed: none while that one is complete
        // but not yet stored (its EXTINF line is still to come), for a few milliseconds.
        String hint = parts.isEmpty() || nextStillArriving ? HlsUris.part(token, next, parts.size()) : null;
        return new MediaPlaylistWriter.LowLatency(partTargetMicros, next, parts, hint);
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

    /** The tracks segments of this container hold: MPEG-TS leaves out what it cannot carry (Opus). */
    private static List<Track> carried(HlsSession.Container container, List<Track> tracks) {
        return container == HlsSession.Container.MPEG_TS ? tracks.stream().filter(TsSegmentWriter::carries).toList()
            : tracks;
    }
}
