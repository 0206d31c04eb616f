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

    private MediaProbe() {
    }

    /** MD5 of each decoded video frame, in output order ({@code -f framemd5}, hash column only). */
    public static List<String> decodedVideoMd5(Path file) {
        return md5Column(Ffmpeg.ffmpeg("-i", file.toString(), "-map", "0:v:0", "-fps_mode", "passthrough",
            "-f", "framemd5", "-"));
    }

    /** MD5 of each packet of a stream, copied without decoding. */
    public static List<String> packetMd5(Path file, String stream) {
        return md5Column(Ffmpeg.ffmpeg("-i", file.toString(), "-map", "0:" + stream, "-c", "copy", "-f", "framemd5",
            "-"));
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
        List<String> args = new ArrayList<>();
        if (countFrames) {
            args.add("-count_frames");
        }
        args.addAll(List.of("-show_entries", "stream=" + field, "-of", "csv=p=0", file.toString()));
        // MPEG-TS files list their streams twice, under the program and on their own
        return Ffmpeg.ffprobe(args.toArray(String[]::new)).lines().map(String::strip).filter(s -> !s.isEmpty())
            .distinct().toList();
    }

    public static String formatField(Path file, String field) {
        return Ffmpeg.ffprobe("-show_entries", "format=" + field, "-of", "csv=p=0", file.toString()).strip();
    }

    /** From the earliest presented packet of a stream to the end of the latest, in seconds. */
    public static double presentedSeconds(Path file, String stream) {
        String[] timeBase = Ffmpeg.ffprobe("-select_streams", stream, "-show_entries", "stream=time_base", "-of",
            "csv=p=0", file.toString()).lines().filter(l -> !l.isBlank()).findFirst().orElseThrow().strip().split("/");
        List<long[]> packets = Ffmpeg.ffprobe("-select_streams", stream, "-show_entries", "packet=pts,duration", "-of",
            "csv=p=0", file.toString()).lines().filter(l -> !l.isBlank())
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
