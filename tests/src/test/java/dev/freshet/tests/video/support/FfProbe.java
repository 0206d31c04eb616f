package dev.freshet.tests.video.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ffprobe as a test oracle: {@code ffprobe -v error -print_format json -show_streams -show_format
 * -count_frames INPUT} (a file or a URL, e.g. an HLS master playlist), read into small records.
 *
 * <p>Stateless; thread-safe.
 */
public final class FfProbe {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    private FfProbe() {
    }

    /** One stream as ffprobe reports it; {@code frames} is {@code nb_read_frames} (decoded, counted). */
    public record StreamInfo(int index, String codecType, String codecName, int width, int height, long frames,
                             double durationSeconds, int sampleRate, JsonNode raw) {
    }

    /** The whole report: streams, container name, container duration (NaN when unknown). */
    public record Probe(String input, String formatName, double durationSeconds, List<StreamInfo> streams,
                       JsonNode raw) {
        public StreamInfo video() {
            return streams.stream().filter(s -> s.codecType().equals("video")).findFirst()
                    .orElseThrow(() -> new AssertionError("no video stream in " + input + ": " + raw));
        }

        public Optional<StreamInfo> audio() {
            return streams.stream().filter(s -> s.codecType().equals("audio")).findFirst();
        }

        public long videoStreams() {
            return streams.stream().filter(s -> s.codecType().equals("video")).count();
        }
    }

    public static Probe probe(String input) {
        Commands.Result result = Commands.run(TIMEOUT, List.of("ffprobe", "-v", "error", "-print_format", "json",
                "-show_streams", "-show_format", "-count_frames", input)).check();
        return parse(input, result.stdoutText());
    }

    /** The packets of the first video stream: pts in seconds and whether each is a keyframe. */
    public static List<Packet> videoPackets(String input) {
        Commands.Result result = Commands.run(TIMEOUT, List.of("ffprobe", "-v", "error", "-select_streams", "v:0",
                "-print_format", "json", "-show_entries", "packet=pts_time,dts_time,flags,size", input)).check();
        try {
            List<Packet> packets = new ArrayList<>();
            for (JsonNode p : JSON.readTree(result.stdout()).path("packets")) {
                packets.add(new Packet(p.path("pts_time").asDouble(Double.NaN), p.path("flags").asText("")
                        .startsWith("K"), p.path("size").asInt()));
            }
            return packets;
        } catch (IOException e) {
            throw new AssertionError("ffprobe printed no JSON for " + input, e);
        }
    }

    public record Packet(double ptsSeconds, boolean keyframe, int size) {
    }

    static Probe parse(String input, String json) {
        try {
            JsonNode root = JSON.readTree(json);
            List<StreamInfo> streams = new ArrayList<>();
            for (JsonNode s : root.path("streams")) {
                streams.add(new StreamInfo(s.path("index").asInt(), s.path("codec_type").asText(),
                        s.path("codec_name").asText(), s.path("width").asInt(), s.path("height").asInt(),
                        s.path("nb_read_frames").asLong(-1), s.path("duration").asDouble(Double.NaN),
                        s.path("sample_rate").asInt(0), s));
            }
            JsonNode format = root.path("format");
            return new Probe(input, format.path("format_name").asText(), format.path("duration").asDouble(Double.NaN),
                    List.copyOf(streams), root);
        } catch (IOException e) {
            throw new AssertionError("ffprobe printed no JSON for " + input + ":\n" + json, e);
        }
    }
}
