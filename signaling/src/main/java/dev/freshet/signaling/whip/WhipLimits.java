package dev.freshet.signaling.whip;

import java.time.Duration;
import java.util.Objects;

/**
 * How many WHIP sessions the server holds, how long one may go without media, and how long a
 * publisher may go without a keyframe before it is asked for one.
 *
 * @param maxSessions      sessions beyond this are refused (503)
 * @param silence          a session without authenticated RTP this long ends (also one that never connects)
 * @param keyframeInterval a publisher is sent a PLI after this long without a keyframe
 */
public record WhipLimits(int maxSessions, Duration silence, Duration keyframeInterval) {

    /** 200 publishers; 30 s, longer than any browser's ICE restart or a camera's reconnect; 2 s. */
    public static final WhipLimits DEFAULTS = new WhipLimits(200, Duration.ofSeconds(30), Duration.ofSeconds(2));

    public WhipLimits {
        Objects.requireNonNull(silence, "silence");
        Objects.requireNonNull(keyframeInterval, "keyframeInterval");
        if (maxSessions < 1 || silence.isNegative() || silence.isZero() || keyframeInterval.isNegative()
            || keyframeInterval.isZero()) {
            throw new IllegalArgumentException("need at least one session, a positive silence limit and keyframe "
                + "interval");
        }
    }

    /** With the default keyframe interval. */
    public WhipLimits(int maxSessions, Duration silence) {
        this(maxSessions, silence, DEFAULTS.keyframeInterval());
    }
}
