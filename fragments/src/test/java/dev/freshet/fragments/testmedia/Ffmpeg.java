package dev.freshet.fragments.testmedia;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs the ffmpeg and ffprobe executables for interop tests — the one place the tests start them.
 * A missing tool fails the test with an install hint: these tests are the proof that players accept
 * Freshet's output, so they never skip. {@link #sample} makes test media once per build;
 * {@link MediaProbe} asks the tools about a file.
 */
public final class Ffmpeg {

    public static final String INSTALL_HINT = "ffmpeg/ffprobe not found on PATH; these tests need them: install FFmpeg "
        + "5.1 or later (Debian/Ubuntu: apt-get install ffmpeg, macOS: brew install ffmpeg)";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_SECONDS = 60;

    private Ffmpeg() {
    }

    public static void requireInstalled() {
        run(List.of("ffmpeg", "-version"));
        run(List.of("ffprobe", "-version"));
    }

    /** Runs ffmpeg quietly (errors only, overwriting outputs) with {@code args}; its standard output. */
    public static String ffmpeg(String... args) {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-v", "error", "-y"));
        command.addAll(List.of(args));
        return run(command).stdout();
    }

    /** ffprobe's standard output for {@code args} (errors only on stderr). */
    public static String ffprobe(String... args) {
        List<String> command = new ArrayList<>(List.of("ffprobe", "-v", "error"));
        command.addAll(List.of(args));
        return run(command).stdout();
    }

    /** ffprobe's JSON output for {@code file} with the given arguments. */
    public static JsonNode probe(String file, String... args) {
        List<String> command = new ArrayList<>(List.of("-of", "json"));
        command.addAll(List.of(args));
        command.add(file);
        try {
            return JSON.readTree(ffprobe(command.toArray(String[]::new)));
        } catch (IOException e) {
            throw new AssertionError("ffprobe printed no JSON", e);
        }
    }

    public record Output(String stdout, String stderr) {
    }

    /** Runs a command; fails on a non-zero exit or a timeout, or with an install hint if it is missing. */
    public static Output run(List<String> command) {
        try {
            Path errFile = Files.createTempFile("ffmpeg", ".err");
            try {
                Process p = start(command, errFile);
                p.getOutputStream().close();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                boolean done = p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                String err = Files.readString(errFile);
                if (!done || p.exitValue() != 0) {
                    p.destroyForcibly();
                    fail(String.join(" ", command) + " failed: " + err);
                }
                return new Output(out, err);
            } finally {
                Files.deleteIfExists(errFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }

    /**
     * A test file made by ffmpeg with these arguments (inputs, codecs; the output file is added),
     * cached under {@code target/test-media} so each sample is made once per build.
     */
    public static Path sample(String fileName, String... ffmpegArgs) {
        Path file = directory("test-media").resolve(fileName);
        synchronized (Ffmpeg.class) {
            if (!Files.exists(file)) {
                List<String> args = new ArrayList<>(List.of(ffmpegArgs));
                args.add(file.toString());
                ffmpeg(args.toArray(String[]::new));
            }
        }
        return file;
    }

    /** target/test-output, created if needed: where tests leave the files they made, for a look afterwards. */
    public static Path outputDirectory() {
        return directory("test-output");
    }

    private static Path directory(String name) {
        try {
            return Files.createDirectories(Path.of("target", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Process start(List<String> command, Path errFile) {
        try {
            return new ProcessBuilder(command).redirectError(errFile.toFile()).start();
        } catch (IOException e) {
            return fail(INSTALL_HINT + " (" + e.getMessage() + ")");
        }
    }
}
