package dev.freshet.fragments.testmedia;

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
 * one-GOP {@link Fragment}s, as the store would hold them. Files are made once per build
 * ({@link Ffmpeg#sample}) and read once per test run.
 */
public record SourceMedia(Path file, List<Track> tracks, List<Frame> frames) {

    /** 2023-11-14T22:13:20Z plus a non-round part, so nothing lines up with a second by luck. */
    public static final long EPOCH_MICROS = 1_700_000_000_123_457L;

    private static final Map<String, SourceMedia> CACHE = new ConcurrentHashMap<>();

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
            List<String> args = new ArrayList<>(List.of("-f", "lavfi", "-i", "testsrc=size=320x240:rate=25", "-f",
                "lavfi", "-i", "sine=frequency=440:sample_rate=44100"));
            args.addAll(List.of(codecs));
            args.addAll(List.of("-t", "4", "-pix_fmt", "yuv420p"));
            return read(Ffmpeg.sample(n + ".mp4", args.toArray(String[]::new)));
        });
    }

    /** The tracks and frames of an MP4 file, time zero at {@link #EPOCH_MICROS}. */
    public static SourceMedia read(Path file) {
        return read(file, EPOCH_MICROS);
    }

    /** The tracks and frames of an MP4 file (moov-described, as ffmpeg and {@code Mp4ClipWriter} write it). */
    public static SourceMedia read(Path file, long epochMicros) {
        byte[] data;
        try {
            data = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        IsoBox moov = IsoBox.parse(data).stream().filter(b -> b.type().equals("moov")).findFirst().orElseThrow();
        List<Track> tracks = new ArrayList<>();
        List<TimedFrame> timed = new ArrayList<>();
        for (IsoBox trak : moov.all("trak")) {
            SampleTables tables = SampleTables.read(trak, data, epochMicros);
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
