package dev.freshet.bench.webrtc;

import dev.freshet.bench.ReportLine;
import dev.freshet.bench.video.CpuUse;
import org.HdrHistogram.Histogram;

import java.util.Locale;

import static dev.freshet.bench.ReportLine.maxMillis;
import static dev.freshet.bench.ReportLine.millis;

/**
 * The outcome of one WebRTC run: a sentence for people and a one-line JSON object for scripts, both
 * on stdout, fields in insertion order. Latencies come from microsecond histograms and are reported
 * in milliseconds.
 *
 * <p>Not thread-safe: filled in by the main thread once the run is over.
 */
final class WebRtcReport {

    private final ReportLine line = new ReportLine();
    private final WebRtcOptions options;

    WebRtcReport(WebRtcOptions options, Clip clip) {
        this.options = options;
        put("mode", "webrtc");
        put("label", options.label());
        put("endpoint", options.endpoint().toString());
        put("clip", clip.name());
        put("clipMbps", clip.bitsPerSecond() / 1e6);
        put("fps", clip.fps());
        put("keyframeInterval", clip.keyframeInterval());
        put("publishers", options.publishers());
        put("seconds", options.seconds());
        put("warmup", options.warmup());
        put("viewers", options.viewers());
    }

    /** Connection: how many publishers are live, WHIP answer and ICE+DTLS times, first fragment. */
    WebRtcReport setup(int live, int failures, Histogram connect, Histogram firstFragment,
                       Histogram afterComplete) {
        put("livePublishers", live);
        put("failures", failures);
        line.latencies("connect", connect);
        line.latencies("dtlsToFirstFragment", firstFragment);
        line.latencies("firstFragmentComplete", afterComplete);
        line.clause(String.format(Locale.ROOT, "%d of %d publishers live (%d failures); WHIP offer to DTLS done "
                + "p50/p99 %.0f/%.0f ms; DTLS done to first fragment listed p50/p99/max %.0f/%.0f/%.0f ms, of which "
                + "after the fragment was complete (second keyframe sent) p50/p99/max %.0f/%.0f/%.0f ms",
            live, options.publishers(), failures, millis(connect, 50), millis(connect, 99), millis(firstFragment, 50),
            millis(firstFragment, 99), maxMillis(firstFragment), millis(afterComplete, 50), millis(afterComplete, 99),
            maxMillis(afterComplete)));
        return this;
    }

    /** The measured window: sent vs received packets, loss, CPU, stored frames and fragments. */
    WebRtcReport traffic(WebRtcLoadGenerator.Counters before, WebRtcLoadGenerator.Counters after, CpuUse cpu,
                         long fragments) {
        double seconds = cpu.windowSeconds();
        long sent = after.packetsSent() - before.packetsSent();
        double received = after.serverPackets() - before.serverPackets();
        long expected = after.reportedExpected() - before.reportedExpected();
        long lost = after.reportedLost() - before.reportedLost();
        double lossByCount = sent == 0 ? 0 : 100.0 * (sent - received) / sent;
        double lossByReports = expected == 0 ? 0 : 100.0 * lost / expected;
        double sentMbps = (after.bytesSent() - before.bytesSent()) * 8 / seconds / 1e6;
        double framesPerSecond = (after.serverFrames() - before.serverFrames()) / seconds;
        int live = (int) line.get("livePublishers");
        put("sentMbps", sentMbps);
        put("packetsSent", sent);
        put("packetsPerSecond", sent / seconds);
        put("serverPackets", (long) received);
        put("lossPercentByCount", lossByCount);
        put("lossPercentByReceiverReports", lossByReports);
        put("nackedPackets", after.nacked() - before.nacked());
        // the server NACKs what it misses; what the publisher resent was lost on its first way at least once
        put("resentPercent", sent == 0 ? 0.0 : 100.0 * (after.retransmitted() - before.retransmitted()) / sent);
        put("retransmitted", after.retransmitted() - before.retransmitted());
        put("sendErrors", after.sendErrors());
        put("framesStoredPerSecond", framesPerSecond);
        put("fragmentsPerSecond", fragments / seconds);
        put("serverCores", cpu.serverCores());
        put("serverMillicoresPerPublisher", live == 0 ? 0.0 : cpu.serverCores() * 1000 / live);
        put("generatorCores", cpu.generatorCores());
        put("otherProcessesCores", cpu.othersCores());
        put("interruptCores", cpu.interruptCores());
        put("stealCores", cpu.stealCores());
        line.clause(String.format(Locale.ROOT, "%d publishers sent %.1f Mb/s (%.0f packets/s); server took %.0f of "
                + "%d packets: loss %.2f %% by count, %.2f %% by its receiver reports after NACKs (%d NACKed, %d resent = "
                + "%.2f %% lost on the first try; %d send errors)",
            live, sentMbps, sent / seconds, received, sent, lossByCount, lossByReports,
            after.nacked() - before.nacked(), after.retransmitted() - before.retransmitted(),
            sent == 0 ? 0.0 : 100.0 * (after.retransmitted() - before.retransmitted()) / sent, after.sendErrors()));
        line.clause(String.format(Locale.ROOT, "stored %.0f frames/s and %.1f fragments/s with %.2f server cores "
                + "(%.1f millicores per publisher; generator %.2f cores, other processes %.2f, interrupts %.2f, "
                + "steal %.2f)", framesPerSecond, fragments / seconds, cpu.serverCores(),
            live == 0 ? 0.0 : cpu.serverCores() * 1000 / live, cpu.generatorCores(), cpu.othersCores(),
            cpu.interruptCores(), cpu.stealCores()));
        return this;
    }

    /** From before the first publisher to after the last packet: every packet sent against the server's count. */
    WebRtcReport wholeRun(WebRtcLoadGenerator.Counters initial, WebRtcLoadGenerator.Counters drained) {
        long sent = drained.packetsSent() - initial.packetsSent();
        double received = drained.serverPackets() - initial.serverPackets();
        double loss = sent == 0 ? 0 : 100.0 * (sent - received) / sent;
        put("runPacketsSent", sent);
        put("runServerPackets", (long) received);
        put("runLossPercent", loss);
        put("runResent", drained.retransmitted() - initial.retransmitted());
        line.clause(String.format(Locale.ROOT, "over the whole run the server took %.0f of %d packets (loss %.3f %%, "
            + "%d resent on NACK not counted as sent)", received, sent, loss,
            drained.retransmitted() - initial.retransmitted()));
        return this;
    }

    /** WHEP: capture-to-viewer latency. */
    WebRtcReport latency(int viewers, long stamps, Histogram micros) {
        put("liveViewers", viewers);
        put("viewerStamps", stamps);
        line.latencies("whep", micros);
        line.clause(String.format(Locale.ROOT, "WHEP glass-to-glass p50/p99/max %.1f/%.1f/%.1f ms (%d viewers, "
                + "%d frames in the window)", millis(micros, 50), millis(micros, 99), maxMillis(micros), viewers,
            micros.getTotalCount()));
        return this;
    }

    /** The generator's own health: how late access units left their schedule (whole run). */
    WebRtcReport generator(Histogram lagMicros) {
        line.latencies("sendLag", lagMicros);
        line.clause(String.format(Locale.ROOT, "access units left p50/p99/max %.1f/%.1f/%.0f ms late (a late "
            + "generator sends the missed ones back to back)", millis(lagMicros, 50), millis(lagMicros, 99),
            maxMillis(lagMicros)));
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
