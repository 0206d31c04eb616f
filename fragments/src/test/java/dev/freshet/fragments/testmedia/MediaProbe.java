package dev.freshet.fragments.testmedia;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * What ffprobe and ffmpeg say about a media file — the facts playback tests compare between
 * Freshet's output and its source: decoded frame hashes, packet hashes, stream fields, the span of
 * presented time, complaints while decoding, a stream's extradata.
 */
public final class MediaProbe {

    /** profile_idc of ffprobe's H.264 profile names (H.264 A.2). */
    private static final Map<String, Integer> H264_PROFILES = Map.of("Baseline", 66, "Constrained Baseline", 66,
        "Main", 77, "High", 100, "High 10", 110, "High 4:2:2", 122, "High 4:4:4 Predictive", 244);
    /** audioObjectType of ffprobe's AAC profile names. */
    private static final Map<String, Integer> AAC_PROFILES = Map.of("LC", 2, "HE-AAC", 5, "HE-AACv2", 29);

    private MediaProbe() {
    }

    /** MD5 of each decoded video frame, in output order ({@code -f framemd5}, hash column only). */
    public static List<String> decodedVideoMd5(Path file) {
        return decodedVideoMd5(file.toString());
    }

    /** The same for any input ffmpeg opens: a file, or a URL of a manifest or playlist. */
    public static List<String> decodedVideoMd5(String input) {
        return md5Column(Ffmpeg.ffmpeg("-i", input, "-map", "0:v:0", "-fps_mode", "passthrough", "-f", "framemd5",
            "-"));
    }

    /** MD5 of each packet of a stream, copied without decoding. */
    public static List<String> packetMd5(Path file, String stream) {
        return packetMd5(file.toString(), stream);
    }

    /** The same for any input ffmpeg opens. */
    public static List<String> packetMd5(String input, String stream) {
        return md5Column(Ffmpeg.ffmpeg("-i", input, "-map", "0:" + stream, "-c", "copy", "-f", "framemd5", "-"));
    }

    /** What ffprobe complains about while it decodes every frame of the file (empty when nothing). */
    public static String probeErrors(Path file) {
        return Ffmpeg.run(List.of("ffprobe", "-v", "error", "-count_frames", "-show_entries", "stream=nb_read_frames",
            file.toString())).stderr().strip();
    }

    /** What ffmpeg reports while decoding every stream of {@code file} (empty when it decodes cleanly). */
    public static String decodeErrors(String file) {
        return Ffmpeg.run(List.of("ffmpeg", "-v", "error", "-i", file, "-f", "null", "-")).stderr();
    }

    /** The fields of each distinct stream, comma-separated, from {@code -show_entries stream=...}. */
    public static List<String> streamField(Path file, String field, boolean countFrames) {
        return streamField(file.toString(), field, countFrames);
    }

    /** The same for any input ffprobe opens. */
    public static List<String> streamField(String input, String field, boolean countFrames) {
        List<String> args = new ArrayList<>();
        if (countFrames) {
            args.add("-count_frames");
        }
        args.addAll(List.of("-show_entries", "stream=" + field, "-of", "csv=p=0", input));
        // MPEG-TS files list their streams twice, under the program and on their own
        return Ffmpeg.ffprobe(args.toArray(String[]::new)).lines().map(String::strip).filter(s -> !s.isEmpty())
            .distinct().toList();
    }

    public static String formatField(Path file, String field) {
        return Ffmpeg.ffprobe("-show_entries", "format=" + field, "-of", "csv=p=0", file.toString()).strip();
    }

    /** From the earliest presented packet of a stream to the end of the latest, in seconds. */
    public static double presentedSeconds(Path file, String stream) {
        return presentedSeconds(file.toString(), stream);
    }

    /** The same for any input ffprobe opens. */
    public static double presentedSeconds(String input, String stream) {
        String[] timeBase = Ffmpeg.ffprobe("-select_streams", stream, "-show_entries", "stream=time_base", "-of",
            "csv=p=0", input).lines().filter(l -> !l.isBlank()).findFirst().orElseThrow().strip().split("/");
        List<long[]> packets = Ffmpeg.ffprobe("-select_streams", stream, "-show_entries", "packet=pts,duration", "-of",
            "csv=p=0", input).lines().filter(l -> !l.isBlank())
            .map(l -> Arrays.stream(l.strip().split(",")).mapToLong(Long::parseLong).toArray()).toList();
        long start = packets.stream().mapToLong(p -> p[0]).min().orElseThrow();
        long end = packets.stream().mapToLong(p -> p[0] + p[1]).max().orElseThrow();
        return (end - start) * Double.parseDouble(timeBase[0]) / Double.parseDouble(timeBase[1]);
    }

    /**
     * ffprobe's {@code -show_streams -show_data} of one stream: its {@code key=value} fields and its
     * extradata (the CodecPrivate, dumped in hex).
     */
    public static StreamInfo streamInfo(Path media, String streamSpecifier) {
        String dump = Ffmpeg.ffprobe("-select_streams", streamSpecifier, "-show_streams", "-show_data",
            media.toString());
        Map<String, String> fields = new HashMap<>();
        StringBuilder hex = new StringBuilder();
        for (String line : dump.split("\n")) {
            if (line.matches("^[0-9a-f]{8}: .*")) {
                hex.append(line.substring(10, Math.min(line.length(), 49)).replace(" ", ""));
            } else if (line.contains("=")) {
                fields.putIfAbsent(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        return new StreamInfo(fields, HexFormat.of().parseHex(hex.toString()));
    }

    /** A stream's extradata (CodecPrivate) as ffprobe dumps it. */
    public static byte[] extradata(Path media, String streamSpecifier) {
        return streamInfo(media, streamSpecifier).extradata();
    }

    /**
     * The RFC 6381 codec string of a stream as ffprobe reports it: H.264's {@code avc1.PPCCLL} from
     * its profile and level (ffprobe does not print the constraint flags, so that byte comes from the
     * avcC it dumps), AAC's {@code mp4a.40.N} from its profile, {@code opus}.
     */
    public static String codecString(Path media, String streamSpecifier) {
        StreamInfo stream = streamInfo(media, streamSpecifier);
        String profile = stream.field("profile");
        return switch (stream.field("codec_name")) {
            case "h264" -> String.format("avc1.%02x%02x%02x", H264_PROFILES.get(profile), stream.extradata()[2] & 0xFF,
                Integer.parseInt(stream.field("level")));
            case "aac" -> "mp4a.40." + AAC_PROFILES.get(profile);
            case "opus" -> "opus";
            default -> throw new AssertionError("no codec string for " + stream.field("codec_name"));
        };
    }

    /** What ffprobe says of a stream. */
    public record StreamInfo(Map<String, String> fields, byte[] extradata) {
        public String field(String key) {
            return fields.get(key);
        }
    }

    private static List<String> md5Column(String framemd5) {
        return framemd5.lines().filter(l -> !l.startsWith("#")).map(l -> l.substring(l.lastIndexOf(',') + 1).strip())
            .toList();
    }
}
