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
        return run(ffmpegCommand(args)).stdout();
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
        return run(command, ProcessBuilder.Redirect.PIPE);
    }

    private static Output run(List<String> command, ProcessBuilder.Redirect stdout) {
        try {
            Path errFile = Files.createTempFile("ffmpeg", ".err");
            try {
                Process p = start(command, errFile, stdout);
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

    /** target/test-output, created if needed: where tests leave the files they made, for a look afterwards. */
    public static Path outputDirectory() {
        return directory("test-output");
    }

    private static Path cached(String fileName, String[] ffmpegArgs, boolean streamed) {
        Path file = directory("test-media").resolve(fileName);
        synchronized (Ffmpeg.class) {
            if (!Files.exists(file)) {
                List<String> command = ffmpegCommand(ffmpegArgs);
                if (streamed) {
                    command.add("pipe:1");
                    pipeInto(command, file);
                } else {
                    command.add(file.toString());
                    run(command);
                }
            }
        }
        return file;
    }

    /** Runs {@code command} with its standard output into {@code file}, which appears only once whole. */
    private static void pipeInto(List<String> command, Path file) {
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        run(command, ProcessBuilder.Redirect.to(partial.toFile()));
        try {
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** ffmpeg, quiet (errors only), overwriting its outputs, with {@code args}. */
    private static List<String> ffmpegCommand(String... args) {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-v", "error", "-y"));
        command.addAll(List.of(args));
        return command;
    }

    private static Path directory(String name) {
        try {
            return Files.createDirectories(Path.of("target", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Process start(List<String> command, Path errFile, ProcessBuilder.Redirect stdout) {
        try {
            return new ProcessBuilder(command).redirectError(errFile.toFile()).redirectOutput(stdout).start();
        } catch (IOException e) {
            return fail(INSTALL_HINT + " (" + e.getMessage() + ")");
        }
    }
}
