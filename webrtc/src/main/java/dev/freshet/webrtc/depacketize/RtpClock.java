package dev.freshet.webrtc.depacketize;

/**
 * Puts one RTP stream's timestamps on the frames' clock, microseconds since the epoch. RTP
 * timestamps are 32-bit counters at the payload's clock rate (90 kHz for video, 48 kHz for Opus,
 * RFC 3550 5.1) that wrap (every 13.3 hours at 90 kHz): each is first unwrapped to the 64-bit value
 * nearest the one before, so reordered timestamps unwrap correctly too.
 *
 * <pre>
 *   extended = previous + (int32) (rtp - (previous mod 2^32))
 *   micros   = anchorMicros + (extended - anchorRtp) * 1e6 / clockRate
 *   anchor   = the latest RTCP Sender Report's (NTP time, RTP time) pair (RFC 3550 6.4.1), which
 *              puts every stream of a sender on its one capture clock (lip sync);
 *              before any report: the first packet's arrival time and RTP timestamp
 *              (also when the first report is more than half a second away from that arrival)
 * </pre>
 *
 * <p>The first Sender Report can step the clock by the network delay the arrival anchor included
 * (and by whatever the sender's clock differs from ours, unless the caller moved the report onto
 * the server's clock). A report that would step an anchored clock by more than
 * {@link #MAX_REPORT_STEP_MICROS} is not believed: its RTP time is not the stream's (GStreamer 1.22's
 * webrtcbin adds its pipeline's running time to it), and taking it would stamp frames seconds back
 * or ahead. Not thread-safe: confine it to the thread that handles the stream's RTP and RTCP.
 */
public final class RtpClock {

    /** How far a Sender Report may move an anchored clock. */
    public static final long MAX_REPORT_STEP_MICROS = 500_000;

    private static final long MICROS_PER_SECOND = 1_000_000L;

    private final int clockRate;
    private boolean seen;
    private long lastExtended;
    private boolean anchored;
    private long anchorRtp;
    private long anchorMicros;
    /** Whether a packet's arrival was seen: until then a report's anchor is unchecked. */
    private boolean arrived;

    /** A clock for timestamps counting {@code clockRate} ticks per second. */
    public RtpClock(int clockRate) {
        if (clockRate <= 0) {
            throw new IllegalArgumentException("clock rate " + clockRate);
        }
        this.clockRate = clockRate;
    }

    /** The 90 kHz clock of video payload formats (RFC 6184 5.1 for H.264). */
    public static RtpClock video() {
        return new RtpClock(90_000);
    }

    /** The 48 kHz clock of Opus, whatever the audio's sample rate (RFC 7587 4.1). */
    public static RtpClock opus() {
        return new RtpClock(48_000);
    }

    public int clockRate() {
        return clockRate;
    }

    /** {@code rtpTimestamp} (0..2^32-1) unwrapped: the 64-bit tick count nearest the previous one. */
    public long extend(long rtpTimestamp) {
        long rtp = rtpTimestamp & 0xFFFF_FFFFL;
        if (!seen) {
            seen = true;
            lastExtended = rtp;
        } else {
            lastExtended += (int) (rtp - lastExtended);
        }
        return lastExtended;
    }

    /**
     * Anchors the clock at a Sender Report's NTP time (converted to epoch micros) and RTP time, unless
     * that would move an anchored clock by more than {@link #MAX_REPORT_STEP_MICROS}.
     *
     * @return whether the report anchors the clock now
     */
    public boolean onSenderReport(long ntpEpochMicros, long rtpTimestamp) {
        long extended = extend(rtpTimestamp);
        if (anchored && Math.abs(micros(extended) - ntpEpochMicros) > MAX_REPORT_STEP_MICROS) {
            return false;
        }
        anchorRtp = extended;
        anchorMicros = ntpEpochMicros;
        anchored = true;
        return true;
    }

    /**
     * Epoch microseconds of {@code rtpTimestamp}. {@code arrivalEpochMicros}, the wall clock when its
     * packet came, anchors the clock if neither a Sender Report nor an earlier packet did, or if the
     * report that came first is more than {@link #MAX_REPORT_STEP_MICROS} away from it.
     */
    public long toMicros(long rtpTimestamp, long arrivalEpochMicros) {
        long extended = extend(rtpTimestamp);
        boolean reportDisagrees = anchored && !arrived
            && Math.abs(micros(extended) - arrivalEpochMicros) > MAX_REPORT_STEP_MICROS;
        if (!anchored || reportDisagrees) {
            anchorRtp = extended;
            anchorMicros = arrivalEpochMicros;
            anchored = true;
        }
        arrived = true;
        return micros(extended);
    }

    private long micros(long extended) {
        return anchorMicros + Math.floorDiv((extended - anchorRtp) * MICROS_PER_SECOND, clockRate);
    }

    /** Microseconds that {@code ticks} of this clock last. */
    public long ticksToMicros(long ticks) {
        return Math.floorDiv(ticks * MICROS_PER_SECOND, clockRate);
    }

    /** Ticks of this clock in {@code micros}, rounded down. */
    public long microsToTicks(long micros) {
        return Math.floorDiv(micros * clockRate, MICROS_PER_SECOND);
    }
}
