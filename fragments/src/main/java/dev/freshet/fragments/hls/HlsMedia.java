package dev.freshet.fragments.hls;

import dev.freshet.fragments.live.LiveEdge;
import dev.freshet.fragments.live.LivePart;
import dev.freshet.fragments.live.PartPlan;
import dev.freshet.fragments.media.Fragment;
import dev.freshet.fragments.media.Frame;
import dev.freshet.fragments.media.Track;
import dev.freshet.fragments.mp4.FragmentedMp4;
import dev.freshet.fragments.store.FragmentLog;
import dev.freshet.fragments.ts.TsSegmentWriter;
import dev.freshet.fragments.ts.TsSession;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The media resources of HLS sessions, muxed on request from stored fragments (and, for LL-HLS
 * parts of the fragment still arriving, from the live edge) — no transcoding:
 * <ul>
 *   <li>fMP4 init segments from a fragment's tracks;</li>
 *   <li>fMP4 media segments, one per fragment, with absolute decode times so they join seamlessly;</li>
 *   <li>LL-HLS parts: the fragment cut by the {@link PartPlan}, each an independent moof+mdat;</li>
 *   <li>MPEG-TS segments, whose continuity counters carry on from the previous segment of the same
 *   session when the player asks for them in order (the usual case); otherwise they start afresh.</li>
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class HlsMedia {

    private static final int TS_SESSIONS = 1024;

    private final PartPlan plan;
    private final Map<String, TsState> tsStates = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, TsState> eldest) {
            return size() > TS_SESSIONS;
        }
    };

    /** Continuity of one session's TS segments: the session state after segment {@code lastSequence}. */
    private record TsState(long lastSequence, TsSession session) {
    }

    public HlsMedia(PartPlan plan) {
        this.plan = plan;
    }

    public byte[] init(FragmentLog log, long sequence) {
        return FragmentedMp4.initSegment(PlaybackFragments.read(log, sequence).tracks());
    }

    public byte[] mp4Segment(FragmentLog log, long sequence) {
        Fragment fragment = PlaybackFragments.read(log, sequence);
        return FragmentedMp4.mediaSegment(fragment.tracks(), fragment.frames(), sequence).bytes();
    }

    /** Part {@code index} of fragment {@code sequence}: from the live edge if it holds it, else from the store. */
    public byte[] mp4Part(FragmentLog log, LiveEdge edge, long sequence, int index) {
        LiveEdge.Snapshot live = edge == null ? null : edge.snapshot();
        List<LivePart> parts = live == null ? List.of() : live.partsOf(sequence);
        List<Track> tracks = live == null ? null : live.tracksOf(sequence).orElse(null);
        if (index >= parts.size() || tracks == null) {
            Fragment fragment = PlaybackFragments.read(log, sequence);
            tracks = fragment.tracks();
            parts = plan.parts(tracks, fragment.frames());
        }
        if (index < 0 || index >= parts.size()) {
            throw new PlaybackException(PlaybackException.Reason.NOT_FOUND,
                "Part " + index + " of fragment " + sequence + " does not exist.");
        }
        List<Frame> frames = parts.get(index).frames();
        return FragmentedMp4.mediaSegment(tracks, frames, sequence * 1000 + index, false).bytes();
    }

    public byte[] tsSegment(FragmentLog log, long sequence, String sessionToken) {
        Fragment fragment = PlaybackFragments.read(log, sequence);
        List<Track> tracks = fragment.tracks().stream().filter(TsSegmentWriter::carries).toList();
        TsSession session = continuity(sessionToken, sequence);
        byte[] bytes;
        synchronized (session) {
            bytes = new TsSegmentWriter(tracks).write(fragment.frames(), session);
        }
        synchronized (tsStates) {
            tsStates.put(sessionToken, new TsState(sequence, session));
        }
        return bytes;
    }

    private TsSession continuity(String sessionToken, long sequence) {
        synchronized (tsStates) {
            TsState state = tsStates.get(sessionToken);
            return state != null && state.lastSequence() == sequence - 1 ? state.session() : new TsSession();
        }
    }
}
