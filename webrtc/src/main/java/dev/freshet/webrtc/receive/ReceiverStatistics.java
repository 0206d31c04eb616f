package dev.freshet.webrtc.receive;

import dev.freshet.webrtc.rtcp.NtpTime;
import dev.freshet.webrtc.rtcp.ReportBlock;
import dev.freshet.webrtc.rtcp.SenderReport;
import dev.freshet.webrtc.rtp.Unwrapper;

import java.util.Optional;

/**
 * Reception statistics of one source for the report blocks of receiver reports (RFC 3550 6.4.1):
 * packets lost (A.3), interarrival jitter (A.8) and the timing of the last sender report, from which
 * the sender computes the round trip. Every packet of the source counts, copies included, so the
 * cumulative loss can go negative as the RFC allows.
 *
 * <pre>
 *   expected        = extended highest - extended first + 1
 *   cumulative lost = expected - received                      (clamped to 24 bits, signed)
 *   fraction lost   = 256 * (expected - received, since the last report) / expected since then
 *   D(i-1, i)       = (R_i - R_i-1) - (S_i - S_i-1)   arrival R and RTP timestamp S, in RTP units
 *   J_i             = J_i-1 + (|D(i-1, i)| - J_i-1) / 16  (kept times 16, A.8's integer form)
 *   DLSR            = time since the last SR arrived, in 1/65536 s
 * </pre>
 *
 * <p>Not thread-safe: one per received stream, on that stream's receive thread.
 */
public final class ReceiverStatistics {

    private static final long MICROS = 1_000_000L;
    private static final int MAX_LOST = (1 << 23) - 1;

    private final long ssrc;
    private final int clockRate;
    private final Unwrapper unwrapper = Unwrapper.forSequenceNumbers();
    private long firstArrivalMicros;
    private long firstIndex;
    private long highestIndex;
    private long received;
    private long expectedPrior;
    private long receivedPrior;
    private long lastTransit;
    private long jitterTimes16;
    private long lastSr;
    private long lastSrArrivalMicros = -1;

    /** Statistics of source {@code ssrc}, whose RTP timestamps count {@code clockRate} per second. */
    public ReceiverStatistics(long ssrc, int clockRate) {
        if (clockRate <= 0) {
            throw new IllegalArgumentException("clock rate " + clockRate);
        }
        this.ssrc = ssrc;
        this.clockRate = clockRate;
    }

    /** A packet of the source arrived at {@code arrivalMicros} (any clock counting microseconds). */
    public void onPacket(int sequenceNumber, long rtpTimestamp, long arrivalMicros) {
        long index = unwrapper.unwrap(sequenceNumber);
        if (received == 0) {
            firstArrivalMicros = arrivalMicros;
        }
        // arrival counted from the first packet: epoch micros times the clock rate would overflow
        long transit = Math.floorDiv((arrivalMicros - firstArrivalMicros) * clockRate, MICROS) - rtpTimestamp;
        if (received == 0) {
            firstIndex = index;
            highestIndex = index;
        } else {
            // the cast takes the difference mod 2^32, as the RTP timestamp wraps
            int d = (int) (transit - lastTransit);
            jitterTimes16 += Math.abs(d) - ((jitterTimes16 + 8) >> 4);
        }
        highestIndex = Math.max(highestIndex, index);
        lastTransit = transit;
        received++;
    }

    /** A sender report of the source arrived at {@code arrivalMicros}. */
    public void onSenderReport(SenderReport report, long arrivalMicros) {
        lastSr = NtpTime.middle32(report.ntpTimestamp());
        lastSrArrivalMicros = arrivalMicros;
    }

    /** Interarrival jitter in RTP timestamp units. */
    public long jitter() {
        return jitterTimes16 >> 4;
    }

    /** Packets expected minus packets received since the start. */
    public long cumulativeLost() {
        return expected() - received;
    }

    /**
     * The report block for a receiver report sent at {@code nowMicros}, or empty before the first
     * packet. Starts the next interval of the fraction lost.
     */
    public Optional<ReportBlock> reportBlock(long nowMicros) {
        if (received == 0) {
            return Optional.empty();
        }
        long expected = expected();
        long expectedInterval = expected - expectedPrior;
        long lostInterval = expectedInterval - (received - receivedPrior);
        expectedPrior = expected;
        receivedPrior = received;
        int fraction = expectedInterval == 0 || lostInterval <= 0
            ? 0 : (int) Math.min(255, (lostInterval << 8) / expectedInterval);
        int lost = (int) Math.max(-MAX_LOST - 1, Math.min(MAX_LOST, cumulativeLost()));
        return Optional.of(new ReportBlock(ssrc, fraction, lost, highestIndex & 0xFFFF_FFFFL,
            jitter() & 0xFFFF_FFFFL, lastSr, delaySinceLastSr(nowMicros)));
    }

    private long expected() {
        return highestIndex - firstIndex + 1;
    }

    private long delaySinceLastSr(long nowMicros) {
        if (lastSrArrivalMicros < 0) {
            return 0;
        }
        return Math.min(0xFFFF_FFFFL, ((nowMicros - lastSrArrivalMicros) << 16) / MICROS);
    }
}
