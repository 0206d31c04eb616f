package dev.freshet.bench.video;

import dev.freshet.fragments.media.Frame;
import dev.freshet.fragments.media.Track;
import dev.freshet.fragments.mkv.ClusterFrames;
import dev.freshet.fragments.mkv.MkvCluster;
import dev.freshet.fragments.mkv.MkvStreamParser;
import dev.freshet.fragments.mkv.MkvTracks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the sample Matroska file with Freshet's own parser, the one PutMedia uses, so the frames and
 * tracks the generator replays are exactly what the server will make of them: canonical
 * {@link Frame}s in decode order with the file's timestamps (microseconds from the file's zero) and
 * the {@link Track}s of its (first) Tracks element.
 *
 * <p>Not thread-safe; used once at start-up.
 */
final class SampleReader implements MkvStreamParser.Listener {

    private final List<Frame> frames = new ArrayList<>();
    private MkvTracks tracks;

    private SampleReader() {
    }

    static Sample read(Path file) throws IOException {
        SampleReader reader = new SampleReader();
        MkvStreamParser parser = new MkvStreamParser(reader);
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                parser.feed(buf, 0, n);
            }
        }
        parser.finish();
        if (reader.tracks == null || reader.frames.isEmpty()) {
            throw new IOException(file + " holds no tracks or no frames");
        }
        return Sample.of(file.getFileName().toString(), reader.tracks.tracks(), reader.frames);
    }

    @Override
    public void onTracks(MkvTracks parsed) {
        if (!parsed.unknownCodecs().isEmpty()) {
            throw new IllegalArgumentException("the sample has a codec Freshet does not store: "
                + parsed.unknownCodecs().get(0).codecId());
        }
        if (tracks == null) {
            tracks = parsed;
        }
    }

    @Override
    public void onCluster(MkvCluster cluster) {
        frames.addAll(ClusterFrames.toFrames(cluster, tracks, 0));
    }
}
