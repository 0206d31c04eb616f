package dev.freshet.fragments.mkv;

import com.fasterxml.jackson.databind.JsonNode;
import dev.freshet.fragments.media.Frame;
import dev.freshet.fragments.media.MediaKind;
import dev.freshet.fragments.media.Track;
import dev.freshet.fragments.testmedia.Ffmpeg;
import dev.freshet.fragments.testmedia.MediaProbe;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Interop with FFmpeg (needs ffmpeg and ffprobe on the PATH): real H.264 + AAC from libx264 and
 * FFmpeg's AAC encoder, parsed in random chunks and checked packet by packet against ffprobe; and
 * what {@link MkvWriter} writes, read back by ffprobe and decoded by ffmpeg.
 */
class MkvFfmpegTest {

    /** The encodings tried: B-frames (x264's default), none, and FFmpeg's live mode (unknown-size Segment). */
    enum Variant {
        B_FRAMES(),
        NO_B_FRAMES("-bf", "0"),
        LIVE("-live", "1", "-cluster_time_limit", "1000");

        final List<String> args;

        Variant(String... args) {
            this.args = List.of(args);
        }
    }

    /** One packet as ffprobe or Freshet sees it, in file order. */
    record Packet(int track, long ptsMillis, int size, boolean key) {
    }

    @TempDir
    static Path dir;
    static final Map<Variant, Path> FILES = new EnumMap<>(Variant.class);

    @BeforeAll
    static void encode() {
        Ffmpeg.requireInstalled();
        for (Variant v : Variant.values()) {
            Path out = dir.resolve(v.name().toLowerCase() + ".mkv");
            List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-y",
                "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25", "-f", "lavfi", "-i", "sine=frequency=440",
                "-c:v", "libx264", "-g", "25", "-c:a", "aac", "-t", "3"));
            cmd.addAll(v.args);
            cmd.add(out.toString());
            Ffmpeg.run(cmd);
            FILES.put(v, out);
        }
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void parserSeesEveryPacketFfprobeSees(Variant v) throws IOException {
        Parsed parsed = parseInRandomChunks(Files.readAllBytes(FILES.get(v)), v.ordinal());
        assertThat(packets(parsed.frames())).containsExactlyElementsOf(ffprobePackets(FILES.get(v)));
        assertThat(parsed.clusters()).hasSizeGreaterThanOrEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void keyframesAreWhereFfprobeDecodesThem(Variant v) throws IOException {
        Parsed parsed = parseInRandomChunks(Files.readAllBytes(FILES.get(v)), 100 + v.ordinal());
        List<Frame> video = parsed.frames().stream().filter(f -> f.track() == 1).toList();
        JsonNode decoded = Ffmpeg.probe(FILES.get(v).toString(), "-select_streams", "v:0", "-show_frames",
            "-show_entries", "frame=pts,key_frame").get("frames");
        List<Long> keyPts = new ArrayList<>();
        decoded.forEach(f -> {
            if (f.get("key_frame").asInt() == 1) {
                keyPts.add(f.get("pts").asLong());
            }
        });

        assertThat(video).hasSize(decoded.size()).hasSize(75);
        assertThat(video.stream().filter(Frame::keyframe).map(f -> f.timestampMicros() / 1000))
            .containsExactlyInAnyOrderElementsOf(keyPts).hasSize(3);
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void ffprobeReadsAndFfmpegDecodesWhatTheWriterWrites(Variant v) throws IOException {
        Parsed parsed = parseInRandomChunks(Files.readAllBytes(FILES.get(v)), 200 + v.ordinal());
        Path out = dir.resolve("written-" + v + ".mkv");
        Files.write(out, MkvWriter.fragment(parsed.tracks(), parsed.frames(), List.of(new MkvSimpleTag("N", "1"))));

        JsonNode streams = Ffmpeg.probe(out.toString(), "-count_packets", "-show_streams").get("streams");
        assertThat(streams.get(0).get("codec_name").asText()).isEqualTo("h264");
        assertThat(streams.get(0).get("width").asInt()).isEqualTo(320);
        assertThat(streams.get(0).get("height").asInt()).isEqualTo(240);
        assertThat(streams.get(1).get("codec_name").asText()).isEqualTo("aac");
        assertThat(streams.get(1).get("sample_rate").asInt()).isEqualTo(44100);
        assertThat(streams.get(1).get("channels").asInt()).isEqualTo(1);
        assertThat(streams.get(0).get("nb_read_packets").asInt()).isEqualTo(75);
        assertThat(streams.get(1).get("nb_read_packets").asLong())
            .isEqualTo(parsed.frames().stream().filter(f -> f.track() == 2).count());
        assertThat(ffprobePackets(out)).containsExactlyElementsOf(packets(parsed.frames()));
        assertThat(MediaProbe.decodeErrors(out.toString())).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void ffprobeReadsAGetMediaStreamOfOneDocumentPerFragment(Variant v) throws IOException {
        Parsed parsed = parseInRandomChunks(Files.readAllBytes(FILES.get(v)), 500 + v.ordinal());
        Path out = dir.resolve("getmedia-" + v + ".mkv");
        Files.write(out, getMediaStream(parsed));

        assertThat(ffprobePackets(out)).containsExactlyElementsOf(packets(parsed.frames()));
        Parsed again = parseInRandomChunks(Files.readAllBytes(out), 600 + v.ordinal());
        assertThat(packets(again.frames())).containsExactlyElementsOf(packets(parsed.frames()));
        assertThat(again.clusters()).hasSameSizeAs(parsed.clusters());
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void producerStyleUnknownSizeClustersParseAndPlay(Variant v) throws IOException {
        Parsed parsed = parseInRandomChunks(Files.readAllBytes(FILES.get(v)), 300 + v.ordinal());
        byte[] live = ProducerStyle.remux(parsed.tracks(), parsed.clusters());
        Path out = dir.resolve("producer-" + v + ".mkv");
        Files.write(out, live);

        Parsed again = parseInRandomChunks(live, 400 + v.ordinal());
        assertThat(packets(again.frames())).containsExactlyElementsOf(packets(parsed.frames()));
        assertThat(ffprobePackets(out)).containsExactlyElementsOf(packets(parsed.frames()));
    }

    /** GetMedia's shape: one self-contained MKV document per Cluster, with its tags, one after another. */
    private static byte[] getMediaStream(Parsed parsed) {
        EbmlWriter w = new EbmlWriter(1 << 16);
        int n = 0;
        for (MkvCluster c : parsed.clusters()) {
            List<Frame> frames = ClusterFrames.toFrames(c, parsed.mkvTracks(), 0);
            List<MkvSimpleTag> tags = List.of(new MkvSimpleTag("AWS_KINESISVIDEO_FRAGMENT_NUMBER", "9134" + n++));
            MkvWriter.writeFragment(w, parsed.tracks(), frames, tags);
        }
        return w.toByteArray();
    }

    record Parsed(MkvTracks mkvTracks, List<MkvCluster> clusters, List<Frame> frames) {
        List<Track> tracks() {
            return mkvTracks.tracks();
        }
    }

    static Parsed parseInRandomChunks(byte[] file, long seed) {
        RecordingListener l = new RecordingListener();
        MkvStreamParser parser = new MkvStreamParser(l);
        Random random = new Random(seed);
        for (int off = 0; off < file.length; ) {
            int n = Math.min(file.length - off, random.nextBoolean() ? 1 + random.nextInt(16) : random.nextInt(9000));
            parser.feed(file, off, n);
            off += n;
        }
        parser.finish();
        assertThat(l.tracks).isNotEmpty().allMatch(t -> t.equals(l.tracks.get(0)));
        MkvTracks tracks = l.tracks.get(0);
        assertThat(tracks.tracks()).extracting(Track::kind).containsExactly(MediaKind.VIDEO, MediaKind.AUDIO);
        List<Frame> frames = new ArrayList<>();
        l.clusters.forEach(c -> frames.addAll(ClusterFrames.toFrames(c, tracks, 0)));
        return new Parsed(tracks, l.clusters, frames);
    }

    static List<Packet> packets(List<Frame> frames) {
        return frames.stream()
            .map(f -> new Packet(f.track(), f.timestampMicros() / 1000, f.data().length, f.keyframe()))
            .toList();
    }

    static List<Packet> ffprobePackets(Path file) {
        JsonNode packets = Ffmpeg.probe(file.toString(), "-show_packets",
            "-show_entries", "packet=stream_index,pts,size,flags").get("packets");
        List<Packet> out = new ArrayList<>();
        packets.forEach(p -> out.add(new Packet(p.get("stream_index").asInt() + 1, p.get("pts").asLong(),
            p.get("size").asInt(), p.get("flags").asText().startsWith("K"))));
        return out;
    }
}
