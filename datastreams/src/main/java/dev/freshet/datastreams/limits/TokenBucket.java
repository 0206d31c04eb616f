package dev.freshet.datastreams.limits;

/**
 * A token bucket refilled continuously at {@code ratePerSecond} up to one second's worth. A take
 * may push the bucket into debt when {@code allowDebt} (the service lets one GetRecords return up
 * to 10 MiB, then throttles until the read budget recovers). Shared by the limits modes of data
 * streams ({@code ThroughputLimits}) and delivery streams (Direct PUT quotas).
 *
 * <p>Thread-safe.
 */
public final class TokenBucket {

    private final double ratePerSecond;
    private final double capacity;
    private double tokens;
    private long lastMillis;

    public TokenBucket(double ratePerSecond, long nowMillis) {
        this.ratePerSecond = ratePerSecond;
        this.capacity = ratePerSecond;
        this.tokens = ratePerSecond;
        this.lastMillis = nowMillis;
    }

    /** Takes {@code amount} if the bucket holds it (or is not in debt, when debt is allowed). */
    public synchronized boolean tryTake(double amount, long nowMillis, boolean allowDebt) {
        refill(nowMillis);
        if (tokens >= amount || (allowDebt && tokens > 0)) {
            tokens -= amount;
            return true;
        }
        return false;
    }

    /** Takes unconditionally (may go into debt): charges work already done. */
    public synchronized void charge(double amount, long nowMillis) {
        refill(nowMillis);
        tokens -= amount;
    }

    /** Milliseconds until {@code amount} would be available. */
    public synchronized long millisUntil(double amount, long nowMillis) {
        refill(nowMillis);
        return tokens >= amount ? 0 : (long) Math.ceil((amount - tokens) * 1000 / ratePerSecond);
    }

    private void refill(long nowMillis) {
        if (nowMillis > lastMillis) {
            tokens = Math.min(capacity, tokens + (nowMillis - lastMillis) * ratePerSecond / 1000.0);
            lastMillis = nowMillis;
        }
    }
}
