package dev.freshet.tests.video.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * PutMedia with ffmpeg itself, the way a user would publish a file or a camera: one chunked HTTP POST of
 * a Matroska stream, ffmpeg never reading the acknowledgements.
 *
 * <pre>
 * ffmpeg -re -i SRC.mkv -map 0 -c copy -f matroska -live 1 -cluster_time_limit 10000 -cluster_size_limit 50000000 \
 *   -method POST -chunked_post 1 \
 *   -headers $'x-amzn-stream-name: NAME\r\nx-amzn-fragment-timecode-type: RELATIVE\r\nx-amzn-producer-start-timestamp: T\r\n' \
 *   http://127.0.0.1:PORT/putMedia
 * </pre>
 *
 * {@code -re} (or {@code -readrate R}) paces reading like a live source; without it the file goes as fast
 * as the connection takes it. ffmpeg's Matroska muxer writes each Cluster whole once the next keyframe
 * arrives (non-seekable output), so the server sees one complete fragment per GOP. ffmpeg 5.1 sends
 * {@code Transfer-Encoding: chunked} and {@code Connection: close}, no {@code Expect}, and closes the
 * socket right after the last chunk without reading the response. ({@code -seekable} is a reading-side
 * http option and {@code -multiple_requests} only matters for several requests, so neither is used.) For ABSOLUTE timecodes
 * the cluster timecodes are moved to epoch milliseconds with {@code -output_ts_offset}.
 *
 * <p>Not thread-safe; one test thread drives a publisher.
 */
public final class FfmpegPublisher implements AutoCloseable {
    private final List<String> command;
    private final Process process;
    private final CompletableFuture<byte[]> stderr;

    private FfmpegPublisher(List<String> command) {
        this.command = List.copyOf(command);
        this.process = Commands.start(command);
        this.stderr = Commands.drain(process.getErrorStream());
        Commands.drain(process.getInputStream());
        try {
            process.getOutputStream().close();
        } catch (java.io.IOException ignored) {
            // ffmpeg runs with -nostdin
        }
    }

    public static Builder publish(Path source) {
        return new Builder(source);
    }

    public List<String> command() {
        return command;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for ffmpeg to finish and asserts it exited 0 (it sent the whole file and closed the request). */
    public void awaitSuccess(Duration atMost) {
        int exit = awaitExit(atMost);
        assertThat(exit).as("ffmpeg exit code for %s\n%s", String.join(" ", command), stderr()).isZero();
    }

    public int awaitExit(Duration atMost) {
        try {
            if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("ffmpeg still publishing after " + atMost + ": " + String.join(" ", command)
                        + "\n" + stderr());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What ffmpeg printed (warnings and errors); complete once it has exited. */
    public String stderr() {
        return new String(stderr.getNow(new byte[0]), StandardCharsets.UTF_8);
    }

    /** Stops publishing: SIGTERM, so ffmpeg ends the stream cleanly, as when a camera stops. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Decimal epoch seconds with milliseconds, as the x-amzn-producer-start-timestamp header carries them. */
    public static String epochSeconds(long epochMillis) {
        return String.format(Locale.ROOT, "%d.%03d", Math.floorDiv(epochMillis, 1000), Math.floorMod(epochMillis, 1000));
    }

    /** Options of one publication. */
    public static final class Builder {
        private final Path source;
        private String streamHeader;
        private String streamValue;
        private String timecodeType = "RELATIVE";
        private long producerStartMillis = System.currentTimeMillis();
        private Long absoluteOffsetMillis;
        private double readRate;
        private final List<String> extraOutput = new ArrayList<>();
        private List<String> clusterOptions = MediaSamples.ONE_CLUSTER_PER_GOP;

        private Builder(Path source) {
            this.source = source;
        }

        public Builder streamName(String name) {
            streamHeader = "x-amzn-stream-name";
            streamValue = name;
            return this;
        }

        public Builder streamArn(String arn) {
            streamHeader = "x-amzn-stream-arn";
            streamValue = arn;
            return this;
        }

        /** RELATIVE timecodes: producer timestamp = {@code startMillis} + cluster timecode. */
        public Builder relative(long startMillis) {
            timecodeType = "RELATIVE";
            producerStartMillis = startMillis;
            absoluteOffsetMillis = null;
            return this;
        }

        /**
         * ABSOLUTE timecodes: the cluster timecodes themselves are epoch milliseconds (shifted by
         * {@code offsetMillis}); the producer-start header still goes, set to {@code headerStartMillis}.
         */
        public Builder absolute(long offsetMillis, long headerStartMillis) {
            timecodeType = "ABSOLUTE";
            absoluteOffsetMillis = offsetMillis;
            producerStartMillis = headerStartMillis;
            return this;
        }

        /** 1.0 for real time ({@code -re}), 0 for as fast as possible, else {@code -readrate R}. */
        public Builder readRate(double rate) {
            readRate = rate;
            return this;
        }

        public Builder realTime() {
            return readRate(1.0);
        }

        /**
         * Clusters of at most {@code millis} instead of one per GOP, flushed as they close: how a
         * live camera publishes with low latency, since ffmpeg holds a Cluster until it ends.
         */
        public Builder clusterMillis(long millis) {
            clusterOptions = List.of("-cluster_time_limit", String.valueOf(millis), "-cluster_size_limit", "50000000",
                    "-flush_packets", "1");
            return this;
        }

        /** Extra output options, e.g. {@code -t 8} to stop after 8 seconds of media. */
        public Builder outputOptions(String... options) {
            extraOutput.addAll(List.of(options));
            return this;
        }

        public List<String> command(URI endpoint) {
            if (streamHeader == null) {
                throw new IllegalStateException("name the stream (streamName or streamArn)");
            }
            List<String> command = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-v", "warning", "-nostdin"));
            if (readRate == 1.0) {
                command.add("-re");
            } else if (readRate > 0) {
                command.addAll(List.of("-readrate", String.valueOf(readRate)));
            }
            command.addAll(List.of("-i", source.toString(), "-map", "0", "-c", "copy"));
            command.addAll(extraOutput);
            if (absoluteOffsetMillis != null) {
                command.addAll(List.of("-output_ts_offset", epochSeconds(absoluteOffsetMillis)));
            }
            command.addAll(List.of("-f", "matroska", "-live", "1"));
            command.addAll(clusterOptions);
            command.addAll(List.of("-method", "POST", "-chunked_post", "1",
                    "-headers", streamHeader + ": " + streamValue + "\r\n"
                            + "x-amzn-fragment-timecode-type: " + timecodeType + "\r\n"
                            + "x-amzn-producer-start-timestamp: " + epochSeconds(producerStartMillis) + "\r\n",
                    endpoint.resolve("/putMedia").toString()));
            return command;
        }

        public FfmpegPublisher start(URI endpoint) {
            return new FfmpegPublisher(command(endpoint));
        }
    }
}
