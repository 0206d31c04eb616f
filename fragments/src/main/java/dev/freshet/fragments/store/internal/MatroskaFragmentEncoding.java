package dev.freshet.fragments.store.internal;

import dev.freshet.fragments.media.Fragment;
import dev.freshet.fragments.media.Frame;
import dev.freshet.fragments.mkv.ClusterFrames;
import dev.freshet.fragments.mkv.MkvCluster;
import dev.freshet.fragments.mkv.MkvError;
import dev.freshet.fragments.mkv.MkvException;
import dev.freshet.fragments.mkv.MkvStreamParser;
import dev.freshet.fragments.mkv.MkvTracks;
import dev.freshet.fragments.mkv.MkvWriter;
import dev.freshet.fragments.store.FragmentEncoding;

import java.util.ArrayList;
import java.util.List;

/**
 * The canonical container of stored fragments: a Matroska document (EBML header, Segment, Info,
 * Tracks, Cluster) holding the fragment's tracks and frames, with millisecond timecodes on the
 * absolute producer clock — the same bytes GetMedia sends, so PutMedia, GetMedia and
 * GetMediaForFragmentList share one format.
 *
 * <p>Thread-safe (stateless).
 */
public final class MatroskaFragmentEncoding implements FragmentEncoding {

    @Override
    public byte[] encode(Fragment fragment) {
        return MkvWriter.fragment(fragment.tracks(), fragment.frames(), List.of());
    }

    @Override
    public Fragment decode(byte[] bytes) {
        Collector collector = new Collector();
        MkvStreamParser parser = new MkvStreamParser(collector);
        parser.feed(bytes, 0, bytes.length);
        parser.finish();
        if (collector.tracks == null) {
            throw new MkvException(MkvError.INVALID_MKV_DATA, "stored fragment has no Tracks");
        }
        return new Fragment(collector.tracks.tracks(), collector.frames);
    }

    /** Gathers the one document's tracks and frames. */
    private static final class Collector implements MkvStreamParser.Listener {
        MkvTracks tracks;
        final List<Frame> frames = new ArrayList<>();

        @Override
        public void onTracks(MkvTracks parsed) {
            tracks = parsed;
        }

        @Override
        public void onCluster(MkvCluster cluster) {
            frames.addAll(ClusterFrames.toFrames(cluster, tracks, 0));
        }
    }
}
