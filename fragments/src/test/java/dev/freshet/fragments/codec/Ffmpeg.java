package dev.freshet.fragments.codec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/**
 * Runs the ffmpeg and ffprobe command-line tools for tests that check Freshet against them. A
 * missing tool fails the test with an install hint: these tests never skip.
 */
public final class Ffmpeg {

    private static final String HINT = " not found on PATH: install FFmpeg 5 or later (Debian/Ubuntu: apt-get install "
        + "ffmpeg; macOS: brew install ffmpeg)";

    private Ffmpeg() {
    }

    /** Runs ffmpeg quietly with {@code args}; fails the test when it fails. */
    public static void ffmpeg(String... args) {
        List<String> command = new ArrayList<>(List.of(tool("ffmpeg"), "-hide_banner", "-loglevel", "error", "-y"));
        command.addAll(List.of(args));
        run(command);
    }

    /** ffprobe's standard output for {@code args}. */
    public static String ffprobe(String... args) {
        List<String> command = new ArrayList<>(List.of(tool("ffprobe"), "-v", "error"));
        command.addAll(List.of(args));
        return run(command);
    }

    /**
     * ffprobe's {@code -show_streams -show_data} of one stream: its {@code key=value} fields and its
     * extradata (the CodecPrivate, dumped in hex).
     */
    public static StreamInfo streamInfo(Path media, String streamSpecifier) {
        String dump = ffprobe("-select_streams", streamSpecifier, "-show_streams", "-show_data", media.toString());
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

    /** The first video or audio stream's extradata (CodecPrivate) as ffprobe dumps it. */
    public static byte[] extradata(Path media, String streamSpecifier) {
        return streamInfo(media, streamSpecifier).extradata();
    }

    /** What ffprobe says of a stream. */
    public record StreamInfo(Map<String, String> fields, byte[] extradata) {
        public String field(String key) {
            return fields.get(key);
        }
    }

    private static String run(List<String> command) {
        try {
            Path stderr = Files.createTempFile("ffmpeg", ".err");
            Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                fail(command + " failed: " + Files.readString(stderr));
            }
            Files.deleteIfExists(stderr);
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return fail(command.get(0) + HINT + " (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }

    private static String tool(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return fail(name + HINT);
    }
}
