package dev.freshet.fragments.mp4;

import dev.freshet.fragments.media.Codec;
import dev.freshet.fragments.media.Fragment;
import dev.freshet.fragments.media.Frame;
import dev.freshet.fragments.media.MediaKind;
import dev.freshet.fragments.media.Track;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real coded media for the muxer tests: ffmpeg encodes 4 s of test pattern and a sine tone into an
 * MP4, and its sample tables are read back into the canonical {@link Track}s and {@link Frame}s
 * (absolute epoch timestamps, decode order, tracks interleaved by decode time) and cut into
 * one-GOP {@link Fragment}s, as the store would hold them. Files are made once per test run.
 */
public record SourceMedia(Path file, List<Track> tracks, List<Frame> frames) {

    /** 2023-11-14T22:13:20Z plus a non-round part, so nothing lines up with a second by luck. */
    public static final long EPOCH_MICROS = 1_700_000_000_123_457L;

    private static final Map<String, SourceMedia> CACHE = new ConcurrentHashMap<>();
    private static final Path DIRECTORY = Path.of("target", "test-media");

    /** H.264 (B-frames if asked) at 25 fps, GOP 25, with AAC-LC 44.1 kHz mono. */
    public static SourceMedia h264Aac(boolean bFrames) {
        return make(bFrames ? "h264-b-aac" : "h264-aac",
            "-c:v", "libx264", "-bf", bFrames ? "3" : "0", "-g", "25", "-c:a", "aac");
    }

    /** H.265 with B-frames at 25 fps, GOP 25, with Opus 48 kHz mono. */
    public static SourceMedia h265Opus() {
        return make("h265-opus", "-c:v", "libx265", "-x265-params", "log-level=error:keyint=25:min-keyint=25:bframes=3",
            "-tag:v", "hvc1", "-c:a", "libopus", "-ar", "48000");
    }

    private static SourceMedia make(String name, String... codecs) {
        return CACHE.computeIfAbsent(name, n -> {
            try {
                Files.createDirectories(DIRECTORY);
                Path file = DIRECTORY.resolve(n + ".mp4");
                List<String> command = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i",
                    "testsrc=size=320x240:rate=25", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100"));
                command.addAll(List.of(codecs));
                command.addAll(List.of("-t", "4", "-pix_fmt", "yuv420p", file.toString()));
                MediaTools.run(command);
                return read(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static SourceMedia read(Path file) throws IOException {
        byte[] data = Files.readAllBytes(file);
        IsoBox moov = IsoBox.parse(data).stream().filter(b -> b.type().equals("moov")).findFirst().orElseThrow();
        List<Track> tracks = new ArrayList<>();
        List<TimedFrame> timed = new ArrayList<>();
        for (IsoBox trak : moov.all("trak")) {
            SampleTables tables = SampleTables.read(trak, data, EPOCH_MICROS);
            tracks.add(tables.track());
            timed.addAll(tables.frames());
        }
        timed.sort(Comparator.comparingLong(TimedFrame::decodeMicros)
            .thenComparing(t -> t.frame().track()));
        return new SourceMedia(file, tracks, timed.stream().map(TimedFrame::frame).toList());
    }

    public Track video() {
        return tracks.stream().filter(t -> t.kind() == MediaKind.VIDEO).findFirst().orElseThrow();
    }

    public Track audio() {
        return tracks.stream().filter(t -> t.kind() == MediaKind.AUDIO).findFirst().orElseThrow();
    }

    public List<Frame> framesOf(Track track) {
        return frames.stream().filter(f -> f.track() == track.number()).toList();
    }

    /** One fragment per GOP: video from a keyframe to the next, audio presented in that span. */
    public List<Fragment> fragments() {
        List<Long> cuts = framesOf(video()).stream().filter(Frame::keyframe).map(Frame::timestampMicros).toList();
        List<List<Frame>> groups = new ArrayList<>();
        cuts.forEach(c -> groups.add(new ArrayList<>()));
        int gop = -1;
        for (Frame frame : frames) {
            if (frame.track() == video().number()) {
                gop += frame.keyframe() ? 1 : 0;
                groups.get(gop).add(frame);
            } else {
                groups.get(groupOf(cuts, frame.timestampMicros())).add(frame);
            }
        }
        return groups.stream().map(g -> new Fragment(tracks, g)).toList();
    }

    private static int groupOf(List<Long> cuts, long micros) {
        int group = 0;
        while (group + 1 < cuts.size() && cuts.get(group + 1) <= micros) {
            group++;
        }
        return group;
    }

    public boolean isOpus() {
        return audio().codec() == Codec.OPUS;
    }

    /** A frame and its decode time, for interleaving tracks. */
    record TimedFrame(Frame frame, long decodeMicros) {
    }
}
