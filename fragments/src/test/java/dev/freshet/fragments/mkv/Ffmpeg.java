package dev.freshet.fragments.mkv;

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

/** Runs the ffmpeg and ffprobe executables for interop tests; fails (never skips) when they are missing. */
final class Ffmpeg {

    static final String INSTALL_HINT = "ffmpeg/ffprobe not found on PATH; these tests need them: install FFmpeg "
        + "(Debian/Ubuntu: apt-get install ffmpeg, macOS: brew install ffmpeg)";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Ffmpeg() {
    }

    static void requireInstalled() {
        run(List.of("ffmpeg", "-version"));
        run(List.of("ffprobe", "-version"));
    }

    /** ffprobe's JSON output for {@code file} with the given arguments. */
    static JsonNode probe(String file, String... args) {
        List<String> cmd = new ArrayList<>(List.of("ffprobe", "-v", "error", "-of", "json"));
        cmd.addAll(List.of(args));
        cmd.add(file);
        try {
            return JSON.readTree(run(cmd).stdout());
        } catch (IOException e) {
            throw new AssertionError("ffprobe printed no JSON", e);
        }
    }

    /** What ffmpeg reports while decoding every stream of {@code file} (empty when it decodes cleanly). */
    static String decodeErrors(String file) {
        return run(List.of("ffmpeg", "-v", "error", "-i", file, "-f", "null", "-")).stderr();
    }

    record Output(String stdout, String stderr) {
    }

    /** Runs a command; fails on a non-zero exit or a timeout, or with an install hint if it is missing. */
    static Output run(List<String> cmd) {
        try {
            Path errFile = Files.createTempFile("ffmpeg", ".err");
            try {
                Process p = start(cmd, errFile);
                p.getOutputStream().close();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                boolean done = p.waitFor(60, TimeUnit.SECONDS);
                String err = Files.readString(errFile);
                if (!done || p.exitValue() != 0) {
                    p.destroyForcibly();
                    fail(String.join(" ", cmd) + " failed: " + err);
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

    private static Process start(List<String> cmd, Path errFile) {
        try {
            return new ProcessBuilder(cmd).redirectError(errFile.toFile()).start();
        } catch (IOException e) {
            return fail(INSTALL_HINT + " (" + e.getMessage() + ")");
        }
    }
}
