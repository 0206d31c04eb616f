package dev.freshet.tests.video.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs external tools (ffmpeg, ffprobe) to completion with a deadline, capturing stdout as bytes and
 * stderr as text. A tool that is not installed fails the test with the package to install.
 *
 * <p>Stateless; thread-safe.
 */
public final class Commands {
    private Commands() {
    }

    /** What a finished command left behind. */
    public record Result(List<String> command, int exitCode, byte[] stdout, String stderr) {
        public String stdoutText() {
            return new String(stdout, StandardCharsets.UTF_8);
        }

        /** Fails with the command line and its stderr unless the exit code is 0. */
        public Result check() {
            if (exitCode != 0) {
                throw new AssertionError("command failed (exit " + exitCode + "): " + String.join(" ", command)
                        + "\n" + tail(stderr));
            }
            return this;
        }
    }

    public static Result run(Duration timeout, List<String> command) {
        Process process = start(command);
        try {
            process.getOutputStream().close();
            CompletableFuture<byte[]> out = drain(process.getInputStream());
            CompletableFuture<byte[]> err = drain(process.getErrorStream());
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("command did not finish within " + timeout + ": " + String.join(" ", command)
                        + "\n" + tail(new String(err.getNow(new byte[0]), StandardCharsets.UTF_8)));
            }
            return new Result(command, process.exitValue(), out.join(),
                    new String(err.join(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Result run(Duration timeout, String... command) {
        return run(timeout, List.of(command));
    }

    /** Starts a process, failing clearly when the executable is missing. */
    public static Process start(List<String> command) {
        try {
            return new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command.get(0) + " (" + e.getMessage()
                    + "): the video tests need ffmpeg/ffprobe (Debian package ffmpeg) on the PATH", e);
        }
    }

    /** Reads a stream to its end on a background thread. */
    public static CompletableFuture<byte[]> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            try (in) {
                in.transferTo(buffer);
            } catch (IOException ignored) {
                // the process died; what was read so far is all there is
            }
            return buffer.toByteArray();
        }, runnable -> {
            Thread t = new Thread(runnable, "drain");
            t.setDaemon(true);
            t.start();
        });
    }

    static String tail(String text) {
        return text.length() <= 4000 ? text : "…" + text.substring(text.length() - 4000);
    }
}
