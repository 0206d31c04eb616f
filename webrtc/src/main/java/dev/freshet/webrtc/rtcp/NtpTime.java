package dev.freshet.webrtc.rtcp;

/**
 * The 64-bit NTP timestamp of sender reports (RFC 3550 section 4): seconds since 1900 in the high
 * 32 bits, a binary fraction of a second in the low 32. Seconds with the top bit clear are read as
 * era 1 (from 2036-02-07), as RFC 4330 section 3 suggests, so the range is 1968 to 2104.
 *
 * <p>Stateless; thread-safe.
 */
public final class NtpTime {

    /** Seconds from 1900-01-01 (NTP era 0) to 1970-01-01. */
    private static final long EPOCH_OFFSET_SECONDS = 2_208_988_800L;
    private static final long MICROS = 1_000_000L;

    private NtpTime() {
    }

    /** Microseconds since 1970-01-01 UTC, the fraction rounded down. */
    public static long toEpochMicros(long ntp) {
        long seconds = ntp >>> 32;
        if (seconds < 0x8000_0000L) {
            seconds += 1L << 32;
        }
        long fractionMicros = (ntp & 0xFFFF_FFFFL) * MICROS >>> 32;
        return (seconds - EPOCH_OFFSET_SECONDS) * MICROS + fractionMicros;
    }

    /** The NTP timestamp of a time in 1968..2104 given in microseconds since 1970-01-01 UTC. */
    public static long fromEpochMicros(long epochMicros) {
        long seconds = Math.floorDiv(epochMicros, MICROS) + EPOCH_OFFSET_SECONDS;
        long micros = Math.floorMod(epochMicros, MICROS);
        // round up so that toEpochMicros, which rounds down, gives the same microsecond back
        long fraction = ((micros << 32) + MICROS - 1) / MICROS;
        return (seconds & 0xFFFF_FFFFL) << 32 | fraction;
    }

    /** The middle 32 bits, as report blocks carry the last SR timestamp (LSR). */
    public static long middle32(long ntp) {
        return ntp >>> 16 & 0xFFFF_FFFFL;
    }
}
