package dev.freshet.bench.video;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The outcome of one video run: a sentence for people and a one-line JSON object for scripts, both
 * on stdout, fields in insertion order. Latencies come from microsecond histograms and are
 * reported in milliseconds.
 *
 * <p>Not thread-safe: filled in by the main thread once the run is over.
 */
final class VideoReport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final List<String> clauses = new ArrayList<>();

    VideoReport(VideoOptions options, Sample sample) {
        fields.put("mode", "video");
        fields.put("label", options.label());
        fields.put("endpoint", options.endpoint().toString());
        fields.put("sample", sample.name());
        fields.put("sampleMbps", round(sample.mediaBitsPerSecond() / 1e6));
        fields.put("streams", options.streams());
        fields.put("seconds", options.seconds());
        fields.put("warmup", options.warmup());
        fields.put("viewers", options.viewers());
    }

    /** Ingest: rate, CPU of both processes, durable-ack latency, how late frames left, and failures. */
    VideoReport ingest(IngestStats ingest, CpuUse cpu, int streams) {
        double mbps = ingest.bytes() * 8 / cpu.windowSeconds() / 1e6;
        put("ingestMbps", mbps);
        put("framesSent", ingest.frames());
        put("serverCores", cpu.serverCores());
        put("serverMillicoresPerStream", cpu.serverCores() * 1000 / streams);
        put("generatorCores", cpu.generatorCores());
        put("otherProcessesCores", cpu.othersCores());
        put("interruptCores", cpu.interruptCores());
        put("stealCores", cpu.stealCores());
        latencies("persisted", ingest.durable());
        latencies("sendLag", ingest.sendLag());
        put("errorAcks", ingest.errorAcks());
        put("failedStreams", ingest.failedStreams());
        put("missingAcks", ingest.missingAcks());
        clauses.add(String.format(Locale.ROOT, "%d PutMedia streams ingested %.1f Mb/s with %.2f server cores "
                + "(%.2f millicores per stream; generator %.2f cores, other processes %.2f, interrupts %.2f, steal %.2f)",
            streams, mbps, cpu.serverCores(), cpu.serverCores() * 1000 / streams, cpu.generatorCores(),
            cpu.othersCores(), cpu.interruptCores(), cpu.stealCores()));
        clauses.add(String.format(Locale.ROOT, "PERSISTED ack p50/p90/p99 %.0f/%.0f/%.0f ms after the next keyframe "
                + "(%d fragments)", millis(ingest.durable(), 50), millis(ingest.durable(), 90),
            millis(ingest.durable(), 99), ingest.durable().getTotalCount()));
        clauses.add(String.format(Locale.ROOT, "%d ERROR acks, %d failed streams, %d fragments never PERSISTED",
            ingest.errorAcks(), ingest.failedStreams(), ingest.missingAcks()));
        return this;
    }

    /** LL-HLS: capture-to-downloaded latency of the parts, failed requests, reloads without news. */
    VideoReport viewing(ViewerStats viewing) {
        latencies("hlsPart", viewing.partLatency());
        put("hlsErrors", viewing.errors());
        put("hlsEmptyReloads", viewing.emptyReloads());
        clauses.add(String.format(Locale.ROOT, "LL-HLS capture-to-player p50/p90/p99 %.0f/%.0f/%.0f ms "
                + "(%d parts, %d viewer errors)", millis(viewing.partLatency(), 50), millis(viewing.partLatency(), 90),
            millis(viewing.partLatency(), 99), viewing.partLatency().getTotalCount(), viewing.errors()));
        return this;
    }

    /** Segment serving from the log: rate, requests, errors, CPU, and how much media there was to serve. */
    VideoReport serving(SegmentServing.Result served, int clients) {
        CpuUse cpu = served.cpu();
        long meanBytes = served.requests() == 0 ? 0 : served.bytes() / served.requests();
        put("serveSeconds", served.seconds());
        put("serveClients", clients);
        put("serveSegmentsStored", served.segments());
        // about how much distinct media the requests were drawn from: against the server's media cache,
        // this says how much was muxed from the fragment log rather than served from memory
        put("serveStoredMB", served.segments() * meanBytes / 1e6);
        put("serveGbps", served.gigabitsPerSecond());
        put("serveRequestsPerSecond", served.requests() / served.seconds());
        put("serveMeanSegmentBytes", meanBytes);
        put("serveErrors", served.errors());
        put("serveServerCores", cpu.serverCores());
        put("serveGeneratorCores", cpu.generatorCores());
        put("serveOtherProcessesCores", cpu.othersCores());
        put("serveInterruptCores", cpu.interruptCores());
        put("serveStealCores", cpu.stealCores());
        clauses.add(String.format(Locale.ROOT, "segment serving %.2f Gb/s (%.0f segments/s by %d clients from %d "
                + "stored segments, about %.0f MB; %d errors; server %.2f cores, generator %.2f, other processes %.2f, "
                + "interrupts %.2f, steal %.2f)", served.gigabitsPerSecond(), served.requests() / served.seconds(),
            clients, served.segments(), served.segments() * meanBytes / 1e6, served.errors(), cpu.serverCores(),
            cpu.generatorCores(), cpu.othersCores(), cpu.interruptCores(), cpu.stealCores()));
        return this;
    }

    /** Prints the sentence (the clauses so far) and the JSON line. */
    void print() {
        System.out.println(String.join("; ", clauses) + ".");
        try {
            System.out.println(JSON.writeValueAsString(fields));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void put(String name, Object value) {
        fields.put(name, value instanceof Double d ? round(d) : value);
    }

    /** Count, min, p50, p90, p99 and max under {@code prefix}. */
    private void latencies(String prefix, Histogram micros) {
        put(prefix + "Count", micros.getTotalCount());
        put(prefix + "MinMs", micros.getTotalCount() == 0 ? 0.0 : micros.getMinValue() / 1e3);
        put(prefix + "P50Ms", millis(micros, 50));
        put(prefix + "P90Ms", millis(micros, 90));
        put(prefix + "P99Ms", millis(micros, 99));
        put(prefix + "MaxMs", micros.getTotalCount() == 0 ? 0.0 : micros.getMaxValue() / 1e3);
    }

    /** The latency at {@code percentile} in milliseconds, 0 when nothing was recorded. */
    private static double millis(Histogram micros, double percentile) {
        return micros.getTotalCount() == 0 ? 0 : micros.getValueAtPercentile(percentile) / 1e3;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
