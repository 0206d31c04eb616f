package dev.freshet.webrtc.receive;

import dev.freshet.webrtc.rtp.Unwrapper;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decides which sequence numbers of one stream to ask for again with generic NACKs (RFC 4585 6.2.1),
 * after pion/interceptor's nack generator: holes are noted as packets arrive, and at each tick the
 * ones still missing are listed — first after a short reorder allowance (a packet merely overtaken
 * should not be asked for), then again every retry interval (about a round trip), at most
 * {@code maxRetries} times. A hole older than {@code maxAgeMicros} is given up (the reorder buffer has
 * skipped it by then), as are the oldest when more than {@code maxTracked} are open.
 *
 * <pre>
 *   arrivals: 10 11 14           -> missing {12, 13} since t0
 *   tick(t0 + allowance)         -> NACK [12, 13]
 *   13 arrives (retransmission)  -> missing {12}; 13 counted recovered
 *   tick(+ retry interval)       -> NACK [12] .. after maxRetries sends, or maxAge: lost for good
 * </pre>
 *
 * <p>Invariant: every tracked hole is older than the newest sequence number seen. A retransmission
 * is told to this node with its original sequence number (the RTX OSN, RFC 4588 4), like any packet.
 *
 * <p>Not thread-safe: one per received stream, on that stream's receive thread.
 */
public final class NackGenerator {

    /**
     * @param reorderAllowanceMicros how long a hole may be a mere reordering before it is asked for
     * @param retryIntervalMicros    the wait between requests for one packet (about the RTT)
     * @param maxRetries             requests per packet, 1 or more
     * @param maxAgeMicros           when a hole is given up (match the reorder buffer's wait)
     * @param maxTracked             holes tracked at most
     */
    public record Config(long reorderAllowanceMicros, long retryIntervalMicros, int maxRetries, long maxAgeMicros,
                         int maxTracked) {
        public Config {
            if (reorderAllowanceMicros < 0 || retryIntervalMicros <= 0 || maxRetries < 1 || maxAgeMicros <= 0
                || maxTracked < 1) {
                throw new IllegalArgumentException(toString());
            }
        }

        /** 10 ms allowance, 50 ms retries, 10 tries, given up after {@code maxAgeMicros}, 1000 tracked. */
        public static Config defaults(long maxAgeMicros) {
            return new Config(10_000, 50_000, 10, maxAgeMicros, 1000);
        }
    }

    /** What this node counts. */
    public enum Counter {
        /** NACK requests listed (a sequence number asked for twice counts twice). */
        REQUESTED,
        /** Holes filled after being asked for. */
        RECOVERED,
        /** Holes filled before being asked for: reordering. */
        REORDERED,
        /** Holes given up on: too old, asked too often, or too many open. */
        LOST
    }

    private static final class Hole {
        final long seenMicros;
        long lastSentMicros;
        int sent;

        Hole(long seenMicros) {
            this.seenMicros = seenMicros;
        }
    }

    private final Config config;
    private final Unwrapper unwrapper = Unwrapper.forSequenceNumbers();
    private final TreeMap<Long, Hole> holes = new TreeMap<>();
    private final NodeCounters<Counter> counters = new NodeCounters<>(Counter.class);
    private long newest = Long.MIN_VALUE;
    private long retryIntervalMicros;

    public NackGenerator(Config config) {
        this.config = config;
        this.retryIntervalMicros = config.retryIntervalMicros();
    }

    /** A packet with {@code sequenceNumber} arrived (first time, retransmitted or copied). */
    public void onPacket(int sequenceNumber, long arrivalMicros) {
        long index = unwrapper.unwrap(sequenceNumber);
        if (newest == Long.MIN_VALUE) {
            newest = index;
        } else if (index > newest) {
            noteHoles(index, arrivalMicros);
            newest = index;
        } else {
            Hole filled = holes.remove(index);
            if (filled != null) {
                counters.increment(filled.sent > 0 ? Counter.RECOVERED : Counter.REORDERED);
            }
        }
    }

    /** The round-trip time measured elsewhere (RTCP), which paces the retries from now on. */
    public void setRoundTripMicros(long rttMicros) {
        retryIntervalMicros = Math.max(1, rttMicros);
    }

    /** The sequence numbers to NACK at {@code nowMicros}, oldest first; empty when none is due. */
    public List<Integer> tick(long nowMicros) {
        List<Integer> due = new ArrayList<>();
        for (Iterator<Map.Entry<Long, Hole>> it = holes.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Long, Hole> entry = it.next();
            Hole hole = entry.getValue();
            if (givenUp(hole, nowMicros)) {
                it.remove();
                counters.increment(Counter.LOST);
            } else if (isDue(hole, nowMicros)) {
                hole.sent++;
                hole.lastSentMicros = nowMicros;
                due.add((int) (entry.getKey() & 0xFFFF));
            }
        }
        counters.add(Counter.REQUESTED, due.size());
        return due;
    }

    /** Holes open now. */
    public int trackedCount() {
        return holes.size();
    }

    public NodeCounters<Counter> counters() {
        return counters;
    }

    private void noteHoles(long index, long arrivalMicros) {
        long first = newest + 1;
        if (index - first > config.maxTracked()) {
            counters.add(Counter.LOST, index - first - config.maxTracked());
            first = index - config.maxTracked();
        }
        for (long missing = first; missing < index; missing++) {
            holes.put(missing, new Hole(arrivalMicros));
        }
        while (holes.size() > config.maxTracked()) {
            holes.pollFirstEntry();
            counters.increment(Counter.LOST);
        }
    }

    private boolean givenUp(Hole hole, long nowMicros) {
        boolean tooOld = nowMicros - hole.seenMicros > config.maxAgeMicros();
        boolean lastTryUnanswered = hole.sent >= config.maxRetries()
            && nowMicros - hole.lastSentMicros >= retryIntervalMicros;
        return tooOld || lastTryUnanswered;
    }

    private boolean isDue(Hole hole, long nowMicros) {
        return hole.sent == 0
            ? nowMicros - hole.seenMicros >= config.reorderAllowanceMicros()
            : hole.sent < config.maxRetries() && nowMicros - hole.lastSentMicros >= retryIntervalMicros;
    }
}
