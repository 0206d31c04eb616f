package dev.freshet.fragments.testmedia;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs the ffmpeg and ffprobe executables for interop tests; fails (never skips) when they are
 * missing. Shared by the media packages' tests; {@link #sample} makes test media once per build.
 */
public final class Ffmpeg {

    public static final String INSTALL_HINT = "ffmpeg/ffprobe not found on PATH; these tests need them: install FFmpeg "
        + "(Debian/Ubuntu: apt-get install ffmpeg, macOS: brew install ffmpeg)";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Ffmpeg() {
    }

    public static void requireInstalled() {
        run(List.of("ffmpeg", "-version"));
        run(List.of("ffprobe", "-version"));
    }

    /** ffprobe's JSON output for {@code file} with the given arguments. */
    public static JsonNode probe(String file, String... args) {
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
    public static String decodeErrors(String file) {
        return run(List.of("ffmpeg", "-v", "error", "-i", file, "-f", "null", "-")).stderr();
    }

    public record Output(String stdout, String stderr) {
    }

    /** Runs a command; fails on a non-zero exit or a timeout, or with an install hint if it is missing. */
    public static Output run(List<String> cmd) {
        return run(cmd, ProcessBuilder.Redirect.PIPE);
    }

    private static Output run(List<String> cmd, ProcessBuilder.Redirect stdout) {
        try {
            Path errFile = Files.createTempFile("ffmpeg", ".err");
            try {
                Process p = start(cmd, errFile, stdout);
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

    /**
     * A test file made by ffmpeg with these arguments (inputs, codecs; the output file is added),
     * cached under {@code target/test-media} so each sample is made once per build.
     */
    public static Path sample(String fileName, String... ffmpegArgs) {
        return cached(fileName, ffmpegArgs, false);
    }

    /**
     * As {@link #sample}, but written the way ffmpeg streams to a server ({@code -method POST
     * http://…}): to a non-seekable output ({@code pipe:1}), so muxers choose their live layout (the
     * Matroska muxer then writes unknown sizes and starts Clusters by size and time, not at keyframes).
     */
    public static Path streamedSample(String fileName, String... ffmpegArgs) {
        return cached(fileName, ffmpegArgs, true);
    }

    private static Path cached(String fileName, String[] ffmpegArgs, boolean streamed) {
        Path dir = Path.of("target", "test-media");
        Path file = dir.resolve(fileName);
        synchronized (Ffmpeg.class) {
            if (!Files.exists(file)) {
                try {
                    Files.createDirectories(dir);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-y"));
                cmd.addAll(List.of(ffmpegArgs));
                if (streamed) {
                    cmd.add("pipe:1");
                    pipeInto(cmd, file);
                } else {
                    cmd.add(file.toString());
                    run(cmd);
                }
            }
        }
        return file;
    }

    /** Runs {@code cmd} with its standard output into {@code file}, which appears only once whole. */
    private static void pipeInto(List<String> cmd, Path file) {
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        run(cmd, ProcessBuilder.Redirect.to(partial.toFile()));
        try {
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Process start(List<String> cmd, Path errFile, ProcessBuilder.Redirect stdout) {
        try {
            return new ProcessBuilder(cmd).redirectError(errFile.toFile()).redirectOutput(stdout).start();
        } catch (IOException e) {
            return fail(INSTALL_HINT + " (" + e.getMessage() + ")");
        }
    }
}
