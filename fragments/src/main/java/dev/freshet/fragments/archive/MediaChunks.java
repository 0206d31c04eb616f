package dev.freshet.fragments.archive;

import dev.freshet.fragments.media.Fragment;
import dev.freshet.fragments.mkv.MkvSimpleTag;
import dev.freshet.fragments.mkv.MkvWriter;
import dev.freshet.fragments.store.FragmentInfo;

import java.util.List;
import java.util.Locale;

/**
 * The chunks GetMedia and GetMediaForFragmentList send: one Matroska document per fragment
 * (EBML header, Segment, Info, Tracks, Cluster, Tags) with the service's tags —
 * {@code AWS_KINESISVIDEO_FRAGMENT_NUMBER}, {@code …_SERVER_TIMESTAMP} and
 * {@code …_PRODUCER_TIMESTAMP} (decimal seconds), {@code …_MILLIS_BEHIND_NOW}, and
 * {@code …_CONTINUATION_TOKEN} (where to resume: this fragment's number).
 *
 * <p>Stateless; thread-safe.
 */
public final class MediaChunks {

    public static final String CONTENT_TYPE = "video/webm";

    private MediaChunks() {
    }

    public static byte[] chunk(FragmentInfo info, Fragment fragment, long latestServerMillis, boolean continuation) {
        List<MkvSimpleTag> tags = new java.util.ArrayList<>(List.of(
            new MkvSimpleTag("AWS_KINESISVIDEO_FRAGMENT_NUMBER", info.fragmentNumber()),
            new MkvSimpleTag("AWS_KINESISVIDEO_SERVER_TIMESTAMP", seconds(info.serverTimestampMillis())),
            new MkvSimpleTag("AWS_KINESISVIDEO_PRODUCER_TIMESTAMP", seconds(info.producerTimestampMillis()))));
        if (continuation) {
            tags.add(new MkvSimpleTag("AWS_KINESISVIDEO_MILLIS_BEHIND_NOW",
                Long.toString(Math.max(0, latestServerMillis - info.serverTimestampMillis()))));
            tags.add(new MkvSimpleTag("AWS_KINESISVIDEO_CONTINUATION_TOKEN", info.fragmentNumber()));
        }
        return MkvWriter.fragment(fragment.tracks(), fragment.frames(), tags);
    }

    /** A chunk that tells the reader why GetMedia stopped ({@code AWS_KINESISVIDEO_ERROR_*}). */
    public static byte[] error(int errorId, String code) {
        return MkvWriter.fragment(List.of(), List.of(), List.of(new MkvSimpleTag("AWS_KINESISVIDEO_ERROR_CODE", code),
            new MkvSimpleTag("AWS_KINESISVIDEO_ERROR_ID", Integer.toString(errorId))));
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%d.%03d", Math.floorDiv(millis, 1000), Math.floorMod(millis, 1000));
    }
}
