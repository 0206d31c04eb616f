package dev.freshet.signaling.whip;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A count of sessions against a limit: a session takes a slot before its offer is answered and
 * gives it back once, when it is refused or ends.
 *
 * <p>Thread-safe.
 */
public final class SessionSlots {

    private final int limit;
    private final String kind;
    private final AtomicInteger taken = new AtomicInteger();

    /** @param kind what the sessions are, for the refusal ("WebRTC", "WHEP") */
    public SessionSlots(int limit, String kind) {
        this.limit = limit;
        this.kind = kind;
    }

    /** @throws WhipException {@link WhipException.Reason#TOO_MANY_SESSIONS} when all are taken */
    public void take() {
        if (taken.incrementAndGet() > limit) {
            taken.decrementAndGet();
            throw new WhipException(WhipException.Reason.TOO_MANY_SESSIONS,
                "The server holds " + limit + " " + kind + " sessions already.");
        }
    }

    public void giveBack() {
        taken.decrementAndGet();
    }
}
