package dev.freshet.tests.video.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Test media made with ffmpeg into {@code target/video-samples} once per run (and kept while the recipe
 * is unchanged): synthetic 320x240 25 fps video ({@code testsrc2}) with a beeping tone, one keyframe
 * every 25 frames (1 s, no scene-cut keyframes), so every Matroska Cluster holds exactly one GOP.
 *
 * <p>Each sample comes as two files:
 * <ul>
 *   <li>{@code NAME.mkv}, a plain (seekable) Matroska file: the reference for frame counts and hashes, and
 *       what ffmpeg publishes with {@code -re -i NAME.mkv -c copy};</li>
 *   <li>{@code NAME.stream.mkv}, the same packets remuxed the way ffmpeg writes to a non-seekable output
 *       ({@code -live 1}: Segment of unknown size, no Cues, each Cluster written whole with its size) and
 *       without CRC-32 elements, so tests can doctor bytes. It is what the raw uploader sends, and its
 *       clusters are the fragments a server must list.</li>
 * </ul>
 *
 * <p>Thread-safe (generation is synchronized).
 */
public final class MediaSamples {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    /** Cluster cuts only at keyframes: the time and size limits are far above one GOP. */
    public static final List<String> ONE_CLUSTER_PER_GOP = List.of("-cluster_time_limit", "10000",
            "-cluster_size_limit", "50000000");
    private static final Map<Sample, Media> MADE = new HashMap<>();

    /** The samples; all have 25 fps video with a keyframe every second. */
    public enum Sample {
        /** H.264 High with B-frames + AAC, 6 s: 150 frames, 6 clusters. */
        H264_AAC("h264-aac", 6, videoH264(true), AUDIO_AAC),
        /** H.264 without B-frames (pts = dts) + AAC, 6 s. */
        H264_AAC_NO_BFRAMES("h264-aac-nob", 6, videoH264(false), AUDIO_AAC),
        /** H.264 without B-frames + AAC, 40 s, for publishing in real time (LIVE, LL-HLS, browser). */
        LIVE_H264_AAC("live-h264-aac", 40, videoH264(false), AUDIO_AAC),
        /** H.265 (libx265, no B-frames) + AAC, 6 s. */
        H265_AAC("h265-aac", 6, List.of("-c:v", "libx265", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
                "-x265-params", "keyint=25:min-keyint=25:scenecut=0:bframes=0:log-level=error"), AUDIO_AAC),
        /** H.264 with B-frames + Opus, 6 s. */
        H264_OPUS("h264-opus", 6, videoH264(true), List.of("-c:a", "libopus", "-b:a", "48k"));

        final String fileName;
        final int seconds;
        final List<String> videoCodec;
        final List<String> audioCodec;

        Sample(String fileName, int seconds, List<String> videoCodec, List<String> audioCodec) {
            this.fileName = fileName;
            this.seconds = seconds;
            this.videoCodec = videoCodec;
            this.audioCodec = audioCodec;
        }

        /** Length in seconds, which is also the number of clusters (GOPs). */
        public int seconds() {
            return seconds;
        }
    }

    private static final List<String> AUDIO_AAC = List.of("-c:a", "aac", "-b:a", "64k");

    private static List<String> videoH264(boolean bFrames) {
        List<String> args = new ArrayList<>(List.of("-c:v", "libx264", "-preset", "veryfast", "-profile:v", "high",
                "-pix_fmt", "yuv420p", "-x264-params", "keyint=25:min-keyint=25:scenecut=0"));
        args.addAll(bFrames ? List.of("-bf", "3") : List.of("-bf", "0"));
        return args;
    }

    /** A generated sample: both files, the parsed stream file, and facts about its video. */
    public record Media(Sample sample, Path file, Path stream, Mkv mkv, int width, int height, int fps,
                        long videoFrames) {
        public String url() {
            return file.toAbsolutePath().toString();
        }

        public List<Mkv.Cluster> clusters() {
            return mkv.clusters();
        }

        public long videoTrack() {
            return mkv.videoTrack().number();
        }

        public double frameSeconds() {
            return 1.0 / fps;
        }

        /** The decoded frames of the source, for comparison with what the server plays back. */
        public List<String> frameHashes() {
            return FrameHashes.of(url());
        }
    }

    private MediaSamples() {
    }

    public static synchronized Media get(Sample sample) {
        return MADE.computeIfAbsent(sample, MediaSamples::make);
    }

    public static Path directory() {
        Path dir = Path.of(System.getProperty("freshet.video.samples", "target/video-samples")).toAbsolutePath();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** A new empty file under {@code target/video-samples/tmp}, for media the server returned. */
    public static Path tempFile(String prefix, String suffix) {
        try {
            Path dir = Files.createDirectories(directory().resolve("tmp"));
            return Files.createTempFile(dir, prefix, suffix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ffmpeg command that makes the plain sample file. */
    public static List<String> sourceCommand(Sample sample, Path out) {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-v", "error", "-nostdin", "-y",
                "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25",
                "-f", "lavfi", "-i", "sine=frequency=440:beep_factor=4:sample_rate=48000",
                "-t", String.valueOf(sample.seconds), "-map", "0:v", "-map", "1:a"));
        command.addAll(sample.videoCodec);
        command.addAll(sample.audioCodec);
        command.addAll(List.of("-ac", "1", "-f", "matroska", "-write_crc32", "0"));
        command.addAll(ONE_CLUSTER_PER_GOP);
        command.add(out.toString());
        return command;
    }

    /** The ffmpeg command that remuxes the sample as ffmpeg streams it, to stdout. */
    public static List<String> streamCommand(Path source) {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-v", "error", "-nostdin",
                "-i", source.toString(), "-map", "0", "-c", "copy", "-f", "matroska", "-live", "1",
                "-write_crc32", "0"));
        command.addAll(ONE_CLUSTER_PER_GOP);
        command.add("pipe:1");
        return command;
    }

    private static Media make(Sample sample) {
        Path dir = directory();
        Path file = dir.resolve(sample.fileName + ".mkv");
        Path stream = dir.resolve(sample.fileName + ".stream.mkv");
        Path recipe = dir.resolve(sample.fileName + ".recipe");
        List<String> source = sourceCommand(sample, file);
        String wanted = String.join(" ", source) + "\n" + String.join(" ", streamCommand(file)) + "\n";
        try {
            boolean fresh = Files.exists(file) && Files.exists(stream) && Files.exists(recipe)
                    && Files.readString(recipe, StandardCharsets.UTF_8).equals(wanted);
            if (!fresh) {
                Commands.run(TIMEOUT, source).check();
                Files.write(stream, Commands.run(TIMEOUT, streamCommand(file)).check().stdout());
                Files.writeString(recipe, wanted, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Mkv mkv = Mkv.read(stream);
        FfProbe.StreamInfo video = FfProbe.probe(file.toString()).video();
        Media media = new Media(sample, file, stream, mkv, video.width(), video.height(), 25, video.frames());
        checkOneGopPerCluster(media);
        return media;
    }

    /** The premise of every fragment assertion: each cluster starts with a video keyframe and holds one GOP. */
    private static void checkOneGopPerCluster(Media media) {
        long track = media.videoTrack();
        int expectedClusters = media.sample().seconds;
        List<Mkv.Cluster> clusters = media.clusters();
        if (clusters.size() != expectedClusters) {
            throw new AssertionError(media.stream() + ": expected " + expectedClusters + " clusters (one per GOP), found "
                    + clusters.size());
        }
        for (Mkv.Cluster c : clusters) {
            List<Mkv.Block> video = c.blocks().stream().filter(b -> b.track() == track).toList();
            if (video.isEmpty() || !video.get(0).keyframe() || video.stream().skip(1).anyMatch(Mkv.Block::keyframe)
                    || video.size() != media.fps()) {
                throw new AssertionError(media.stream() + ": cluster at " + c.timecodeMillis()
                        + " ms is not one GOP of " + media.fps() + " frames starting with a keyframe: " + video);
            }
        }
        long total = clusters.stream().mapToLong(c -> c.videoFrames(track)).sum();
        if (total != media.videoFrames()) {
            throw new AssertionError(media.stream() + ": clusters hold " + total + " video frames, ffprobe counts "
                    + media.videoFrames());
        }
    }
}
