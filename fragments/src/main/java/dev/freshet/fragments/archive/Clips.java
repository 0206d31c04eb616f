package dev.freshet.fragments.archive;

import dev.freshet.fragments.hls.PlaybackException;
import dev.freshet.fragments.media.Fragment;
import dev.freshet.fragments.media.Frame;
import dev.freshet.fragments.media.Track;
import dev.freshet.fragments.mp4.Mp4ClipWriter;
import dev.freshet.fragments.store.FragmentInfo;
import dev.freshet.fragments.store.FragmentLog;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * GetClip: the fragments overlapping a time range as one plain MP4 (moov first), capped as the
 * service caps clips — at most {@link #MAX_FRAGMENTS} fragments and {@link #MAX_BYTES} of media —
 * and ending early where the tracks change (a plain MP4 has one set of tracks).
 *
 * <p>Stateless; thread-safe.
 */
public final class Clips {

    public static final int MAX_FRAGMENTS = 200;
    public static final long MAX_BYTES = 100L * 1024 * 1024;
    /** No fragment is longer (PutMedia refuses longer ones), so one starting earlier cannot overlap. */
    static final long LONGEST_FRAGMENT_MILLIS = 10_000;

    private Clips() {
    }

    /** The fragments the clip will hold; NO_FRAGMENTS when none overlaps the range. */
    public static List<FragmentInfo> select(FragmentLog log, FragmentSelector range) {
        List<FragmentInfo> overlapping = new ArrayList<>();
        long bytes = 0;
        long earliest = range.startMillis() == Long.MIN_VALUE ? Long.MIN_VALUE : range.startMillis() - LONGEST_FRAGMENT_MILLIS;
        for (FragmentInfo fragment : log.list(range.kind(), earliest, range.endMillis(), -1, Integer.MAX_VALUE)) {
            boolean overlaps = fragment.timestamp(range.kind()) + fragment.durationMillis() > range.startMillis();
            if (!overlaps) {
                continue;
            }
            if (overlapping.size() == MAX_FRAGMENTS || bytes + fragment.sizeBytes() > MAX_BYTES && !overlapping.isEmpty()
                || !overlapping.isEmpty() && overlapping.get(0).tracksFingerprint() != fragment.tracksFingerprint()) {
                break;
            }
            overlapping.add(fragment);
            bytes += fragment.sizeBytes();
        }
        if (overlapping.isEmpty()) {
            throw new PlaybackException(PlaybackException.Reason.NO_FRAGMENTS,
                "No fragments found in the stream for the clip request.");
        }
        return overlapping;
    }

    /** Writes the clip of those fragments (from {@link #select}) to {@code out}. */
    public static void write(FragmentLog log, List<FragmentInfo> fragments, OutputStream out) throws IOException {
        List<Track> tracks = null;
        List<Frame> frames = new ArrayList<>();
        for (FragmentInfo info : fragments) {
            Fragment fragment = log.read(info.sequence()).orElse(null);
            if (fragment == null) {
                continue;
            }
            tracks = tracks == null ? fragment.tracks() : tracks;
            frames.addAll(fragment.frames());
        }
        if (tracks == null) {
            throw new PlaybackException(PlaybackException.Reason.NO_FRAGMENTS, "The clip's fragments are no longer retained.");
        }
        new Mp4ClipWriter(tracks).write(frames, out);
    }
}
