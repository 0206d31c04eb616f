package dev.freshet.delivery.convert;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.parquet.io.api.Binary;

/**
 * Hive's (and Impala's) legacy Parquet timestamp, the INT96 the service's Hive Parquet SerDe
 * writes for {@code timestamp} columns: 12 bytes, little-endian, the UTC instant as nanoseconds
 * of its day followed by the Julian day number.
 *
 * <pre>
 *  0                   8           12
 *  ├─ nanos of day (int64 LE) ─┼─ Julian day (int32 LE) ─┤   Julian day 2440588 = 1970-01-01
 * </pre>
 *
 * Freshet's timestamps are epoch milliseconds, so the nanoseconds always end in six zeros.
 * Instants before 1970 encode with the day before and a positive nanos-of-day, as Hive does.
 *
 * <p>Stateless; thread-safe.
 */
final class Int96Timestamps {

    /** The Julian day number of 1970-01-01. */
    private static final long UNIX_EPOCH_JULIAN_DAY = 2_440_588L;
    private static final int BYTES = 12;
    private static final long MILLIS_PER_DAY = 86_400_000L;
    private static final long NANOS_PER_MILLI = 1_000_000L;

    private Int96Timestamps() {
    }

    static Binary encode(long epochMillis) {
        long day = Math.floorDiv(epochMillis, MILLIS_PER_DAY);
        long nanosOfDay = Math.floorMod(epochMillis, MILLIS_PER_DAY) * NANOS_PER_MILLI;
        ByteBuffer bytes = ByteBuffer.allocate(BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.putLong(nanosOfDay).putInt(Math.toIntExact(day + UNIX_EPOCH_JULIAN_DAY));
        return Binary.fromConstantByteArray(bytes.array());
    }
}
