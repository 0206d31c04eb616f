package dev.freshet.signaling.whip;

import java.time.Duration;
import java.util.Objects;

/**
 * How many WHIP sessions the server holds and how long one may go without media.
 *
 * @param maxSessions sessions beyond this are refused (503)
 * @param silence     a session without authenticated RTP this long ends (also one that never connects)
 */
public record WhipLimits(int maxSessions, Duration silence) {

    /** 200 publishers; 30 s, longer than any browser's ICE restart or a camera's reconnect. */
    public static final WhipLimits DEFAULTS = new WhipLimits(200, Duration.ofSeconds(30));

    public WhipLimits {
        Objects.requireNonNull(silence, "silence");
        if (maxSessions < 1 || silence.isNegative() || silence.isZero()) {
            throw new IllegalArgumentException("need at least one session and a positive silence limit");
        }
    }
}
