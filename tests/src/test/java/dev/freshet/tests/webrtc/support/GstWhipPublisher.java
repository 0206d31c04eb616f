package dev.freshet.tests.webrtc.support;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.freshet.tests.video.support.Commands;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * An IoT-style camera publishing over WHIP: {@code tests/scripts/webrtc/whip_gst_publish.py}, GStreamer's
 * webrtcbin from Debian's python3-gi, run as a child process. The script prints one JSON event per line
 * ({@code offer}, {@code posted}, {@code connected}, {@code stats}, {@code deleted}, {@code error}); they
 * are collected as they come so a test can wait for one while the camera still sends.
 *
 * <p>Thread-safe: a reader thread adds events, the test thread reads them.
 */
public final class GstWhipPublisher implements AutoCloseable {
    /** The interpreter with Debian's gi bindings (a pyenv python on PATH would lack them). */
    private static final String PYTHON = "/usr/bin/python3";
    private static final Path SCRIPT = Path.of(System.getProperty("freshet.scripts", "scripts"), "webrtc",
            "whip_gst_publish.py");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> command;
    private final Process process;
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final CompletableFuture<byte[]> stderr;
    private final CompletableFuture<Void> stdout;

    private GstWhipPublisher(List<String> command) {
        if (!Files.isExecutable(Path.of(PYTHON)) || !Files.isRegularFile(SCRIPT)) {
            throw new AssertionError("needs " + PYTHON + " and " + SCRIPT.toAbsolutePath() + " (apt-get install "
                    + "python3-gi gir1.2-gst-plugins-bad-1.0 gstreamer1.0-plugins-bad gstreamer1.0-nice "
                    + "gstreamer1.0-plugins-good gstreamer1.0-plugins-ugly; .ci/run does)");
        }
        this.command = List.copyOf(command);
        this.process = Commands.start(command);
        this.stderr = Commands.drain(process.getErrorStream());
        this.stdout = CompletableFuture.runAsync(this::readEvents, runnable -> {
            Thread t = new Thread(runnable, "gst-whip-events");
            t.setDaemon(true);
            t.start();
        });
    }

    /**
     * Starts the camera: it offers, POSTs to {@code whip}, sends for {@code seconds} once ICE connects, then
     * DELETEs its session. {@code extra} are further script options ({@code --nack}, {@code --pattern …}).
     */
    public static GstWhipPublisher start(URI whip, int seconds, String... extra) {
        List<String> command = new ArrayList<>(List.of(PYTHON, SCRIPT.toString(), "--whip", whip.toString(),
                "--seconds", Integer.toString(seconds)));
        command.addAll(List.of(extra));
        return new GstWhipPublisher(command);
    }

    /** The first event of that name, once the script printed it; fails on an {@code error} event or an exit. */
    public JsonNode awaitEvent(String name, Duration atMost) {
        await("the camera's '" + name + "' event").atMost(atMost).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    failOnError();
                    if (event(name).isEmpty() && !process.isAlive()) {
                        stdout.join();
                        failOnError();
                        return event(name).isPresent() || fail("exited (" + process.exitValue() + ") before it");
                    }
                    return event(name).isPresent();
                });
        return event(name).orElseThrow();
    }

    /** The first event of that name so far. */
    public Optional<JsonNode> event(String name) {
        return events.stream().filter(e -> e.path("event").asText().equals(name)).findFirst();
    }

    /** Waits for the script to end (after its DELETE) and fails unless it exited 0. */
    public void awaitSuccess(Duration atMost) {
        try {
            if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
                fail("did not finish within " + atMost);
            }
            stdout.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        failOnError();
        if (process.exitValue() != 0) {
            fail("exited with " + process.exitValue());
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private void readEvents() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("{")) {
                    events.add(JSON.readTree(line));
                }
            }
        } catch (IOException ignored) {
            // the process died; the events read so far are all there are
        }
    }

    private void failOnError() {
        event("error").ifPresent(e -> fail("reported an error: " + e.path("message").asText()));
    }

    private boolean fail(String what) {
        close();
        String err;
        try {
            // the script's stderr is whole once it is gone
            err = new String(stderr.get(5, TimeUnit.SECONDS), StandardCharsets.UTF_8);
        } catch (Exception e) {
            err = "(unread: " + e + ")";
        }
        throw new AssertionError("the GStreamer WHIP camera " + what + "\ncommand: " + String.join(" ", command)
                + "\nevents: " + events + "\nstderr: " + (err.length() > 4000 ? "…" + err.substring(err.length() - 4000)
                : err));
    }
}
