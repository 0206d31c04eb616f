package dev.freshet.webrtc.receive;

import dev.freshet.webrtc.rtcp.FullIntraRequest;
import dev.freshet.webrtc.rtcp.PictureLossIndication;
import dev.freshet.webrtc.rtcp.RtcpPacket;

import java.util.List;
import java.util.Optional;

/**
 * Decides when to ask one video stream's sender for a keyframe: a PLI (RFC 4585 6.3.1), or a FIR
 * (RFC 5104 4.3.1) for peers that negotiated only {@code ccm fir}. Asked for when a picture could
 * not be shown (nothing decodable yet, a loss that was not repaired) and when no keyframe has come
 * for {@code periodicMicros}: Chromium sends one keyframe unless asked, and fragments are cut at
 * keyframes, so without asking a stream would be one endless fragment.
 *
 * <p>Requests are rate-limited: at most one per {@code minIntervalMicros}; requests made in between
 * are merged into the next one. Each FIR carries a new command sequence number (mod 256), as each is
 * a new request.
 *
 * <p>Not thread-safe: one per received video stream, on that stream's receive thread.
 */
public final class KeyframeRequester {

    /**
     * @param minIntervalMicros at most one request per this long
     * @param periodicMicros    ask when no keyframe came for this long
     * @param useFir            send FIR instead of PLI
     */
    public record Config(long minIntervalMicros, long periodicMicros, boolean useFir) {
        public Config {
            if (minIntervalMicros < 0 || periodicMicros <= 0) {
                throw new IllegalArgumentException(toString());
            }
        }

        /** PLI, at most one per 400 ms, and one when 2 s pass without a keyframe. */
        public static Config defaults() {
            return new Config(400_000, 2_000_000, false);
        }
    }

    /** Why a keyframe is wanted. */
    public enum Reason {
        NO_KEYFRAME_YET(Counter.NO_KEYFRAME_YET), LOSS(Counter.LOSS), PERIODIC(Counter.PERIODIC);

        private final Counter counter;

        Reason(Counter counter) {
            this.counter = counter;
        }
    }

    /** What this node counts: requests by reason, merged requests, and what was sent. */
    public enum Counter {
        /** Frames came but none could be decoded yet: no keyframe since the start. */
        NO_KEYFRAME_YET,
        /** A packet loss was not repaired: the pictures that follow cannot be decoded. */
        LOSS,
        /** No keyframe came for the periodic interval. */
        PERIODIC,
        /** Requests folded into one already waiting for the rate limit. */
        MERGED,
        PLI_SENT,
        FIR_SENT
    }

    private final Config config;
    private final long senderSsrc;
    private final long mediaSsrc;
    private final NodeCounters<Counter> counters = new NodeCounters<>(Counter.class);
    private boolean started;
    private long lastKeyframeMicros;
    private long lastSentMicros;
    private boolean sentAny;
    private boolean pending;
    private int firSequenceNumber;

    /** Requests from {@code senderSsrc} (ours) for a keyframe of {@code mediaSsrc} (theirs). */
    public KeyframeRequester(Config config, long senderSsrc, long mediaSsrc) {
        this.config = config;
        this.senderSsrc = senderSsrc;
        this.mediaSsrc = mediaSsrc;
    }

    /** A keyframe arrived: nothing waiting needs asking for any more. */
    public void onKeyframe(long nowMicros) {
        started = true;
        lastKeyframeMicros = nowMicros;
        pending = false;
    }

    /** A keyframe is wanted, for {@code reason}. */
    public void request(Reason reason) {
        counters.increment(pending ? Counter.MERGED : reason.counter);
        pending = true;
    }

    /** The request to send at {@code nowMicros}, if one is wanted and the rate limit allows it. */
    public Optional<RtcpPacket> poll(long nowMicros) {
        if (!started) {
            started = true;
            lastKeyframeMicros = nowMicros;
        }
        if (!pending && nowMicros - lastKeyframeMicros >= config.periodicMicros()) {
            request(Reason.PERIODIC);
        }
        if (!pending || sentAny && nowMicros - lastSentMicros < config.minIntervalMicros()) {
            return Optional.empty();
        }
        pending = false;
        sentAny = true;
        lastSentMicros = nowMicros;
        // the next periodic request counts from this one, not from the last keyframe
        lastKeyframeMicros = Math.max(lastKeyframeMicros, nowMicros);
        return Optional.of(build());
    }

    public NodeCounters<Counter> counters() {
        return counters;
    }

    private RtcpPacket build() {
        if (!config.useFir()) {
            counters.increment(Counter.PLI_SENT);
            return new PictureLossIndication(senderSsrc, mediaSsrc);
        }
        counters.increment(Counter.FIR_SENT);
        int sequenceNumber = firSequenceNumber;
        firSequenceNumber = (firSequenceNumber + 1) & 0xFF;
        return new FullIntraRequest(senderSsrc, List.of(new FullIntraRequest.Entry(mediaSsrc, sequenceNumber)));
    }
}
