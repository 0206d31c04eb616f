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
 * GetClip: the fragments that start in a time range (both ends inclusive, as the service compares a
 * fragment's start with both: one that began before the start is left out, one that begins at the
 * end is in) as one plain MP4 (moov first), capped as the
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

    /** The fragments the clip will hold; NO_FRAGMENTS when none starts in the range. */
    public static List<FragmentInfo> select(FragmentLog log, FragmentSelector range) {
        List<FragmentInfo> clipped = new ArrayList<>();
        long bytes = 0;
        for (FragmentInfo fragment : log.list(range.kind(), range.startMillis(), range.endMillis(), -1,
            MAX_FRAGMENTS + 1)) {
            if (clipped.size() == MAX_FRAGMENTS || bytes + fragment.sizeBytes() > MAX_BYTES && !clipped.isEmpty()
                || !clipped.isEmpty() && clipped.get(0).tracksFingerprint() != fragment.tracksFingerprint()) {
                break;
            }
            clipped.add(fragment);
            bytes += fragment.sizeBytes();
        }
        if (clipped.isEmpty()) {
            throw new PlaybackException(PlaybackException.Reason.NO_FRAGMENTS,
                "No fragments found in the stream for the clip request.");
        }
        return clipped;
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
