package dev.freshet.webrtc.receive;

import dev.freshet.webrtc.depacketize.RtpPayload;
import dev.freshet.webrtc.rtp.RtpPacket;
import dev.freshet.webrtc.rtp.Unwrapper;

/**
 * Puts one stream's RTP packets, taken in arrival order, back into sequence-number order. A missing
 * packet is waited for at most {@code maxWaitMicros} after the loss showed (the first later packet
 * arrived) or until {@code capacity} sequence numbers separate it from the newest packet; then it
 * is skipped and reported as a gap, so the depacketizer drops the access unit it belonged to.
 *
 * <pre>
 *   sequence numbers, extended to 64 bits (wrap safe):
 *     released .. next-1 | next (missing) | held | held | (missing) | held ..  &lt; next + capacity
 *   slot of a packet = extended sequence number mod capacity
 * </pre>
 *
 * <p>Invariants: every held packet lies in {@code [next, next + capacity)}, so each has a slot of its
 * own; the packet at {@code next} is never held (it is released at once). Packets before {@code next}
 * (late) and copies of held ones (duplicates) are dropped and counted. Held payloads are copies, as
 * the caller reuses its receive buffers; a packet released on arrival is passed on as a view.
 *
 * <p>Not thread-safe: one per received stream, on that stream's receive thread.
 */
public final class ReorderBuffer {

    /** Default wait for a missing packet: about what a NACK round trip takes on a fair path. */
    public static final long DEFAULT_MAX_WAIT_MICROS = 100_000;
    /** Default sequence numbers held: a keyframe burst at high bitrate fits. */
    public static final int DEFAULT_CAPACITY = 512;

    /** Where released packets and gaps go, in sequence order. */
    public interface Output {
        /** The next packet in sequence order; its bytes may be reused once this returns. */
        void packet(RtpPayload payload, long arrivalMicros);

        /** {@code count} sequence numbers from {@code firstMissing} (mod 2^16) were given up on. */
        void gap(int firstMissing, int count);
    }

    /** What this node counts. */
    public enum Counter {
        RELEASED, DUPLICATE, LATE, GAPS, SKIPPED
    }

    private final long maxWaitMicros;
    private final int capacity;
    private final RtpPayload[] held;
    private final long[] arrivals;
    private final Unwrapper unwrapper = Unwrapper.forSequenceNumbers();
    private final NodeCounters<Counter> counters = new NodeCounters<>(Counter.class);
    private boolean started;
    private long next;
    private int heldCount;

    public ReorderBuffer(long maxWaitMicros, int capacity) {
        if (maxWaitMicros < 0 || capacity < 1) {
            throw new IllegalArgumentException("wait " + maxWaitMicros + " capacity " + capacity);
        }
        this.maxWaitMicros = maxWaitMicros;
        this.capacity = capacity;
        this.held = new RtpPayload[capacity];
        this.arrivals = new long[capacity];
    }

    /** A buffer with the default wait and capacity. */
    public static ReorderBuffer withDefaults() {
        return new ReorderBuffer(DEFAULT_MAX_WAIT_MICROS, DEFAULT_CAPACITY);
    }

    /** Takes a packet as it arrived; releases what it makes ready. */
    public void push(RtpPacket packet, long arrivalMicros, Output out) {
        push(payloadOf(packet), arrivalMicros, out);
    }

    /** The payload of {@code packet} as the depacketizers take it: a view, not a copy. */
    static RtpPayload payloadOf(RtpPacket packet) {
        return new RtpPayload(packet.sequenceNumber(), packet.timestamp(), packet.marker(), packet.buffer(),
            packet.payloadOffset(), packet.payloadLength());
    }

    /** Takes a packet's payload as it arrived (a retransmission's, say); releases what it makes ready. */
    public void push(RtpPayload payload, long arrivalMicros, Output out) {
        long index = unwrapper.unwrap(payload.sequenceNumber());
        if (!started) {
            started = true;
            next = index;
        }
        if (index < next) {
            counters.increment(Counter.LATE);
            return;
        }
        if (index >= next + capacity) {
            skipTo(index - capacity + 1, out);
        }
        if (index == next) {
            release(payload, arrivalMicros, out);
            releaseReady(out);
        } else if (held[slot(index)] != null) {
            counters.increment(Counter.DUPLICATE);
        } else {
            hold(index, payload, arrivalMicros);
        }
    }

    /** Gives up on missing packets waited for long enough at {@code nowMicros}; releases what follows. */
    public void tick(long nowMicros, Output out) {
        while (heldCount > 0 && nowMicros - lossShownMicros() >= maxWaitMicros) {
            skipTo(firstHeld(), out);
        }
    }

    /** Packets held, waiting for a missing one. */
    public int heldCount() {
        return heldCount;
    }

    public NodeCounters<Counter> counters() {
        return counters;
    }

    private void hold(long index, RtpPayload payload, long arrivalMicros) {
        int slot = slot(index);
        held[slot] = RtpPayload.of(payload.sequenceNumber(), payload.timestamp(), payload.marker(),
            payload.toByteArray());
        arrivals[slot] = arrivalMicros;
        heldCount++;
    }

    private void releaseReady(Output out) {
        for (int slot = slot(next); held[slot] != null; slot = slot(next)) {
            RtpPayload payload = held[slot];
            held[slot] = null;
            heldCount--;
            release(payload, arrivals[slot], out);
        }
    }

    private void release(RtpPayload payload, long arrivalMicros, Output out) {
        next++;
        counters.increment(Counter.RELEASED);
        out.packet(payload, arrivalMicros);
    }

    /** Moves {@code next} to {@code target} or past: held packets on the way are released, holes reported. */
    private void skipTo(long target, Output out) {
        long missingFrom = -1;
        while (next < target && heldCount > 0) {
            int slot = slot(next);
            if (held[slot] == null) {
                missingFrom = missingFrom < 0 ? next : missingFrom;
                next++;
                continue;
            }
            reportGap(missingFrom, next, out);
            missingFrom = -1;
            releaseReady(out);
        }
        if (next < target) {
            missingFrom = missingFrom < 0 ? next : missingFrom;
            next = target;
        }
        reportGap(missingFrom, next, out);
        releaseReady(out);
    }

    private void reportGap(long from, long to, Output out) {
        if (from < 0 || to <= from) {
            return;
        }
        counters.increment(Counter.GAPS);
        counters.add(Counter.SKIPPED, to - from);
        out.gap((int) (from & 0xFFFF), (int) (to - from));
    }

    /** When the packet at {@code next} was first known missing: the earliest arrival of a later one. */
    private long lossShownMicros() {
        long earliest = Long.MAX_VALUE;
        for (int i = 0; i < capacity; i++) {
            if (held[i] != null) {
                earliest = Math.min(earliest, arrivals[i]);
            }
        }
        return earliest;
    }

    private long firstHeld() {
        long index = next;
        while (held[slot(index)] == null) {
            index++;
        }
        return index;
    }

    private int slot(long index) {
        return (int) Math.floorMod(index, (long) capacity);
    }
}
