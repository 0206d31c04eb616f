package dev.freshet.bench.video;

import dev.freshet.bench.ReportLine;

import java.util.Locale;

import static dev.freshet.bench.ReportLine.millis;

/**
 * The outcome of one video run: a sentence for people and a one-line JSON object for scripts, both
 * on stdout, fields in insertion order. Latencies come from microsecond histograms and are
 * reported in milliseconds.
 *
 * <p>Not thread-safe: filled in by the main thread once the run is over.
 */
final class VideoReport {

    private final ReportLine line = new ReportLine();

    VideoReport(VideoOptions options, Sample sample) {
        put("mode", "video");
        put("label", options.label());
        put("endpoint", options.endpoint().toString());
        put("sample", sample.name());
        put("sampleMbps", sample.mediaBitsPerSecond() / 1e6);
        put("streams", options.streams());
        put("seconds", options.seconds());
        put("warmup", options.warmup());
        put("viewers", options.viewers());
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
        line.latencies("persisted", ingest.durable());
        line.latencies("sendLag", ingest.sendLag());
        put("errorAcks", ingest.errorAcks());
        put("failedStreams", ingest.failedStreams());
        put("missingAcks", ingest.missingAcks());
        line.clause(String.format(Locale.ROOT, "%d PutMedia streams ingested %.1f Mb/s with %.2f server cores "
                + "(%.2f millicores per stream; generator %.2f cores, other processes %.2f, interrupts %.2f, steal %.2f)",
            streams, mbps, cpu.serverCores(), cpu.serverCores() * 1000 / streams, cpu.generatorCores(),
            cpu.othersCores(), cpu.interruptCores(), cpu.stealCores()));
        line.clause(String.format(Locale.ROOT, "PERSISTED ack p50/p90/p99 %.0f/%.0f/%.0f ms after the next keyframe "
                + "(%d fragments)", millis(ingest.durable(), 50), millis(ingest.durable(), 90),
            millis(ingest.durable(), 99), ingest.durable().getTotalCount()));
        line.clause(String.format(Locale.ROOT, "%d ERROR acks, %d failed streams, %d fragments never PERSISTED",
            ingest.errorAcks(), ingest.failedStreams(), ingest.missingAcks()));
        return this;
    }

    /** LL-HLS: capture-to-downloaded latency of the parts, failed requests, reloads without news. */
    VideoReport viewing(ViewerStats viewing) {
        line.latencies("hlsPart", viewing.partLatency());
        put("hlsErrors", viewing.errors());
        put("hlsEmptyReloads", viewing.emptyReloads());
        line.clause(String.format(Locale.ROOT, "LL-HLS capture-to-player p50/p90/p99 %.0f/%.0f/%.0f ms "
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
        line.clause(String.format(Locale.ROOT, "segment serving %.2f Gb/s (%.0f segments/s by %d clients from %d "
                + "stored segments, about %.0f MB; %d errors; server %.2f cores, generator %.2f, other processes %.2f, "
                + "interrupts %.2f, steal %.2f)", served.gigabitsPerSecond(), served.requests() / served.seconds(),
            clients, served.segments(), served.segments() * meanBytes / 1e6, served.errors(), cpu.serverCores(),
            cpu.generatorCores(), cpu.othersCores(), cpu.interruptCores(), cpu.stealCores()));
        return this;
    }

    /** Prints the sentence and the JSON line. */
    void print() {
        line.print();
    }

    private void put(String name, Object value) {
        line.put(name, value);
    }
}
