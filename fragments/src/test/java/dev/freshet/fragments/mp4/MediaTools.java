package dev.freshet.fragments.mp4;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs ffmpeg and ffprobe for the media tests. A missing tool fails the test with an install hint:
 * these tests are the proof that players accept the output, so they never skip.
 */
public final class MediaTools {

    private static final String HINT = " not found on PATH: install FFmpeg 5.1 or later (Debian/Ubuntu: "
        + "apt-get install ffmpeg; macOS: brew install ffmpeg); the muxer tests check their output with it";

    private MediaTools() {
    }

    /** target/test-output, created if needed: where tests leave the files they made. */
    public static Path outputDirectory() {
        try {
            return Files.createDirectories(Path.of("target", "test-output"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the command; returns stdout, or fails with stderr when it exits non-zero. */
    public static String run(String... command) {
        return run(Arrays.asList(command));
    }

    public static String run(List<String> command) {
        Result result = execute(command);
        if (result.exitCode != 0) {
            throw new AssertionError(String.join(" ", command) + " exited " + result.exitCode + ":\n" + result.stderr);
        }
        return result.stdout;
    }

    /** Runs the command and returns what it printed on stderr (for {@code -v error} checks). */
    public static String errors(List<String> command) {
        Result result = execute(command);
        if (result.exitCode != 0) {
            throw new AssertionError(String.join(" ", command) + " exited " + result.exitCode + ":\n" + result.stderr);
        }
        return result.stderr.strip();
    }

    /** MD5 of each decoded video frame, in output order ({@code -f framemd5}, hash column only). */
    public static List<String> decodedVideoMd5(Path file) {
        return md5Column(run("ffmpeg", "-v", "error", "-i", file.toString(), "-map", "0:v:0", "-fps_mode", "passthrough",
            "-f", "framemd5", "-"));
    }

    /** MD5 of each packet of a stream, copied without decoding. */
    public static List<String> packetMd5(Path file, String stream) {
        return md5Column(run("ffmpeg", "-v", "error", "-i", file.toString(), "-map", "0:" + stream, "-c", "copy",
            "-f", "framemd5", "-"));
    }

    /** {@code ffprobe -v error} of the file, decoding every frame: what ffprobe complains about. */
    public static String probeErrors(Path file) {
        return errors(List.of("ffprobe", "-v", "error", "-count_frames", "-show_entries", "stream=nb_read_frames",
            file.toString()));
    }

    /** The fields of each distinct stream, comma-separated, from {@code -show_entries stream=...}. */
    public static List<String> streamField(Path file, String field, boolean countFrames) {
        List<String> command = new ArrayList<>(List.of("ffprobe", "-v", "error"));
        if (countFrames) {
            command.add("-count_frames");
        }
        command.addAll(List.of("-show_entries", "stream=" + field, "-of", "csv=p=0", file.toString()));
        // MPEG-TS files list their streams twice, under the program and on their own
        return run(command).lines().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    public static String formatField(Path file, String field) {
        return run("ffprobe", "-v", "error", "-show_entries", "format=" + field, "-of", "csv=p=0", file.toString()).strip();
    }

    /** From the earliest presented packet of a stream to the end of the latest, in seconds. */
    public static double presentedSeconds(Path file, String stream) {
        String[] timeBase = run("ffprobe", "-v", "error", "-select_streams", stream, "-show_entries",
            "stream=time_base", "-of", "csv=p=0", file.toString()).lines().filter(l -> !l.isBlank()).findFirst()
            .orElseThrow().strip().split("/");
        List<long[]> packets = run("ffprobe", "-v", "error", "-select_streams", stream, "-show_entries",
            "packet=pts,duration", "-of", "csv=p=0", file.toString()).lines().filter(l -> !l.isBlank())
            .map(l -> Arrays.stream(l.strip().split(",")).mapToLong(Long::parseLong).toArray()).toList();
        long start = packets.stream().mapToLong(p -> p[0]).min().orElseThrow();
        long end = packets.stream().mapToLong(p -> p[0] + p[1]).max().orElseThrow();
        return (end - start) * Double.parseDouble(timeBase[0]) / Double.parseDouble(timeBase[1]);
    }

    public static boolean hasEncoder(String name) {
        return run("ffmpeg", "-hide_banner", "-encoders").lines().anyMatch(l -> l.contains(" " + name + " "));
    }

    private static List<String> md5Column(String framemd5) {
        return framemd5.lines().filter(l -> !l.startsWith("#")).map(l -> l.substring(l.lastIndexOf(',') + 1).strip())
            .toList();
    }

    private static Result execute(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).start();
            process.getOutputStream().close();
            CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            String stdout = readAll(process.getInputStream());
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("timed out: " + command);
            }
            return new Result(process.exitValue(), stdout, stderr.join());
        } catch (IOException e) {
            throw new AssertionError(command.get(0) + HINT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static String readAll(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Result(int exitCode, String stdout, String stderr) {
    }
}
