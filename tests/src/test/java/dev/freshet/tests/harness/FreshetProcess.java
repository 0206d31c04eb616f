package dev.freshet.tests.harness;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The Freshet server as a real child process: {@code java -jar freshet.jar --port N --host 127.0.0.1
 * --data-dir DIR [flags]}, with a temporary data directory and a free port. Output goes to a log file
 * under {@code target/freshet-logs}; {@link #start} returns once {@code GET /health} answers 200.
 * {@link #restart()} reuses the data directory and the port, so clients built earlier still work.
 *
 * <p>Not thread-safe: one test thread drives the life cycle.
 */
public final class FreshetProcess implements AutoCloseable {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final Duration SHUTDOWN = Duration.ofSeconds(30);

    private final String name;
    private final List<String> flags;
    private final Path dataDir;
    private final int port;
    private final Path logFile;
    private Process process;

    private FreshetProcess(String name, List<String> flags) throws IOException {
        this.name = name + "-" + COUNTER.incrementAndGet();
        this.flags = List.copyOf(flags);
        Path logs = Path.of(System.getProperty("freshet.logs", "target/freshet-logs"));
        Files.createDirectories(logs);
        this.logFile = logs.resolve(this.name + ".log");
        this.dataDir = Files.createTempDirectory(logs, this.name + "-data-");
        this.port = freePort();
    }

    /** Starts a server with the given extra flags and waits until it is healthy. */
    public static FreshetProcess start(String name, List<String> flags) {
        try {
            FreshetProcess p = new FreshetProcess(name, flags);
            p.launch();
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** SIGTERM, then waits for the exit; returns the exit code. */
    public int stop() {
        if (!isAlive()) {
            return process == null ? 0 : process.exitValue();
        }
        process.destroy();
        return awaitExit();
    }

    /** SIGKILL ({@code destroyForcibly} on Linux): no shutdown hooks, no flushing. */
    public void kill9() {
        if (isAlive()) {
            process.destroyForcibly();
            awaitExit();
        }
    }

    /** Starts again on the same data directory and port (after {@link #stop} or {@link #kill9}). */
    public void restart() {
        if (isAlive()) {
            throw new IllegalStateException("still running: stop or kill it first");
        }
        launch();
    }

    /** The last lines of the server log, for failure messages. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        if (isAlive()) {
            process.destroyForcibly();
            awaitExit();
        }
        deleteRecursively(dataDir);
    }

    private void launch() {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx512m", "-jar", jar().toString(),
                "--port", String.valueOf(port), "--host", "127.0.0.1", "--data-dir", dataDir.toString()));
        if (!flags.contains("--webrtc-port")) {
            // every server binds a WebRTC UDP port; tests run several servers, so each picks a free one
            command.addAll(List.of("--webrtc-port", "0"));
        }
        command.addAll(flags);
        try {
            Files.writeString(logFile, "$ " + String.join(" ", command) + "\n",
                    Files.exists(logFile) ? java.nio.file.StandardOpenOption.APPEND
                            : java.nio.file.StandardOpenOption.CREATE);
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        awaitHealthy();
    }

    private void awaitHealthy() {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(endpoint().resolve("/health"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        await("Freshet " + name + " healthy on " + endpoint())
                .atMost(STARTUP)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("Freshet exited with " + process.exitValue()
                                + " before it was healthy; log " + logFile + ":\n" + logTail());
                    }
                    try {
                        return http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    } catch (IOException e) {
                        return false;
                    }
                });
    }

    private int awaitExit() {
        try {
            if (!process.waitFor(SHUTDOWN.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
                throw new AssertionError("Freshet did not exit within " + SHUTDOWN + "; log:\n" + logTail());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path jar() {
        Path jar = Path.of(System.getProperty("freshet.jar", "../web/target/freshet.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Freshet jar not found at " + jar.toAbsolutePath()
                    + ": build it with `mvn -B verify` from the root (or -Dfreshet.jar=…),"
                    + " or point the suite at a running server with -Dfreshet.endpoint=http://127.0.0.1:PORT");
        }
        return jar;
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp directory under target/ is harmless
        }
    }
}
