package dev.freshet.webrtc.receive;

import dev.freshet.webrtc.rtcp.TransportCc;
import dev.freshet.webrtc.rtp.Unwrapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Transport-wide congestion control feedback for one peer (draft-holmer-rmcat-transport-wide-cc-extensions-01):
 * records when each packet carrying a transport-wide sequence number arrived, on every SSRC of the bundle
 * (one sequence space, RTX and padding probes included), and every {@link #INTERVAL_MICROS} reports the
 * packets since the last report in {@link TransportCc} packets, from which the sender estimates the
 * bandwidth (Chromium's send-side estimation has no other input for its delay-based estimate).
 *
 * <p>As libwebrtc's receiver ({@code RemoteEstimatorProxy}) does: a report starts at the first sequence
 * number not reported yet (packets missing before the first received one are reported as not received),
 * its reference time is the first received packet's; a packet whose delta would not fit in 16 bits, or that
 * would make the report too large, starts the next report. A late packet (below what was reported) that is
 * still in the history of the last {@link #HISTORY_MICROS} moves the start back, so the next report covers
 * it again; one older than the whole history is dropped and counted. Each packet's first arrival counts.
 *
 * <p>Not thread-safe: call it from the peer's receive thread only (ticks included).
 */
public final class TransportFeedback {

    /** What the node counts. */
    public enum Counter {
        /** Packets recorded (their first arrival). */
        RECORDED,
        /** Packets whose sequence number had already arrived. */
        DUPLICATE,
        /** Packets older than the whole history: too late to report. */
        TOO_LATE,
        /** Feedback packets built. */
        FEEDBACK_SENT
    }

    /** How often feedback goes out: libwebrtc's receiver sends every 50 to 250 ms. */
    public static final long INTERVAL_MICROS = 50_000;
    /** How long reported packets are kept, so a late one can still be reported. */
    static final long HISTORY_MICROS = 500_000;
    /** At most this many packets are kept, whatever their age, against a flood. */
    static final int MAX_HISTORY = 1 << 13;
    /** One report stays well within a datagram. */
    static final int MAX_REPORT_BYTES = 1200;
    /**
     * Received packets per report, so that its worst case fits {@link #MAX_REPORT_BYTES}: 2-byte deltas and, per
     * received packet, a 2-bit vector, a run chunk and a vector for the rest of its gap (3 chunks, 6 bytes).
     */
    static final int MAX_RECEIVED_PER_REPORT = 100;
    /** Leading missing packets reported at most (libwebrtc: 0x7FFE), so the status count fits 16 bits. */
    private static final int MAX_STATUS_COUNT = 0x7FFE;

    private final long senderSsrc;
    private final Unwrapper sequenceNumbers = Unwrapper.forSequenceNumbers();
    /** Unwrapped transport-wide sequence number to arrival time, reported or not. */
    private final NavigableMap<Long, Long> arrivals = new TreeMap<>();
    private final NodeCounters<Counter> counters = new NodeCounters<>(Counter.class);
    /** The first sequence number the next report covers. */
    private long windowStart = Long.MIN_VALUE;
    private long mediaSsrc;
    private int feedbackCount;
    private long nextFeedbackMicros = Long.MIN_VALUE;

    /** @param senderSsrc the SSRC the server's feedback carries */
    public TransportFeedback(long senderSsrc) {
        this.senderSsrc = senderSsrc;
    }

    /** A packet with transport-wide sequence number {@code sequenceNumber} (16 bits) arrived on {@code ssrc}. */
    public void onPacket(int sequenceNumber, long ssrc, long arrivalMicros) {
        long seq = sequenceNumbers.unwrap(sequenceNumber & 0xFFFF);
        if (!arrivals.isEmpty() && seq < arrivals.firstKey()) {
            counters.increment(Counter.TOO_LATE);
            return;
        }
        if (arrivals.putIfAbsent(seq, arrivalMicros) != null) {
            counters.increment(Counter.DUPLICATE);
            return;
        }
        counters.increment(Counter.RECORDED);
        mediaSsrc = ssrc;
        windowStart = windowStart == Long.MIN_VALUE ? seq : Math.min(windowStart, seq);
        while (arrivals.size() > MAX_HISTORY) {
            arrivals.pollFirstEntry();
        }
        windowStart = Math.max(windowStart, arrivals.firstKey());
    }

    /** The reports due at {@code nowMicros}: none between intervals or without new packets. */
    public List<TransportCc> tick(long nowMicros) {
        if (nowMicros < nextFeedbackMicros || arrivals.isEmpty()) {
            return List.of();
        }
        nextFeedbackMicros = nowMicros + INTERVAL_MICROS;
        forgetReportedBefore(nowMicros - HISTORY_MICROS);
        List<TransportCc> reports = new ArrayList<>(1);
        while (windowStart <= arrivals.lastKey()) {
            reports.add(report());
        }
        counters.add(Counter.FEEDBACK_SENT, reports.size());
        return reports;
    }

    public NodeCounters<Counter> counters() {
        return counters;
    }

    /** Drops reported packets that arrived before {@code cutoffMicros}; the newest is kept for unwrapping order. */
    private void forgetReportedBefore(long cutoffMicros) {
        while (arrivals.size() > 1 && arrivals.firstKey() < windowStart && arrivals.firstEntry().getValue() < cutoffMicros) {
            arrivals.pollFirstEntry();
        }
    }

    /** One report from {@link #windowStart} on, as far as it goes; moves the window past it. */
    private TransportCc report() {
        Map.Entry<Long, Long> first = arrivals.ceilingEntry(windowStart);
        long base = Math.max(windowStart, first.getKey() - MAX_STATUS_COUNT);
        long referenceTicks = Math.floorDiv(first.getValue(), TransportCc.REFERENCE_MICROS);
        long previous = referenceTicks * TransportCc.REFERENCE_MICROS;
        List<Integer> deltas = new ArrayList<>();
        int received = 0;
        for (Map.Entry<Long, Long> packet : arrivals.tailMap(first.getKey(), true).entrySet()) {
            long ticks = Math.floorDiv(packet.getValue() - previous, TransportCc.DELTA_MICROS);
            if (packet.getKey() - base >= 0xFFFF || ticks != (short) ticks || received == MAX_RECEIVED_PER_REPORT) {
                break;
            }
            while (base + deltas.size() < packet.getKey()) {
                deltas.add(TransportCc.NOT_RECEIVED);
            }
            deltas.add((int) ticks);
            previous += ticks * TransportCc.DELTA_MICROS;
            received++;
        }
        windowStart = base + deltas.size();
        int referenceTime = (int) (referenceTicks & 0xFF_FFFF) << 8 >> 8;
        TransportCc report = new TransportCc(senderSsrc, mediaSsrc, (int) (base & 0xFFFF), referenceTime,
            feedbackCount, deltas);
        feedbackCount = (feedbackCount + 1) & 0xFF;
        return report;
    }
}
