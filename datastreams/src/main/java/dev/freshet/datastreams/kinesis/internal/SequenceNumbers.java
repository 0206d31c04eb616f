package dev.freshet.datastreams.kinesis.internal;

import java.math.BigInteger;
import java.util.Optional;

/**
 * Kinesis sequence numbers: decimal strings of about 56 digits, shaped like the service's, that
 * encode where a record sits in its shard log so a lookup needs no table.
 *
 * <pre>
 *   hex: 2 | shardCreatedSecs (9) | shardIndex &amp; 0xf (1) | n (16) | 00 | arrivalSecs (9) | shardIndex (8) | 2
 * </pre>
 * {@code n} is the log sequence plus one for a record, 0 for a shard's starting sequence number.
 * The prefix before {@code n} is constant within a shard, so numbers increase strictly with
 * {@code n} along the shard; a child shard, created later, numbers above its parents. The trailing
 * fields let a number name its shard, so one used on the wrong shard is refused.
 *
 * <p>Stateless and thread-safe.
 */
public final class SequenceNumbers {

    private static final int HEX_DIGITS = 47;

    /** The fields a sequence number carries. */
    public record Decoded(long shardCreatedSeconds, long n, long arrivalSeconds, int shardIndex) {
        /** True when the number was issued for the shard with that index and creation time. */
        public boolean belongsTo(int index, long createdSeconds) {
            return shardIndex == index && shardCreatedSeconds == createdSeconds;
        }
    }

    private SequenceNumbers() {
    }

    public static String format(long shardCreatedSeconds, int shardIndex, long n, long arrivalSeconds) {
        String hex = "2" + hex(shardCreatedSeconds, 9) + Integer.toHexString(shardIndex & 0xf) + hex(n, 16)
            + "00" + hex(arrivalSeconds, 9) + hex(shardIndex, 8) + "2";
        return new BigInteger(hex, 16).toString();
    }

    /** Decodes a number issued by {@link #format}; empty for anything else. */
    public static Optional<Decoded> parse(String decimal) {
        if (decimal == null || decimal.isEmpty() || decimal.length() > 80 || !decimal.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        String hex = new BigInteger(decimal).toString(16);
        if (hex.length() != HEX_DIGITS || hex.charAt(0) != '2' || hex.charAt(HEX_DIGITS - 1) != '2'
            || !hex.startsWith("00", 27)) {
            return Optional.empty();
        }
        int index = Integer.parseUnsignedInt(hex.substring(38, 46), 16);
        if ((index & 0xf) != Character.digit(hex.charAt(10), 16)) {
            return Optional.empty();
        }
        return Optional.of(new Decoded(Long.parseLong(hex.substring(1, 10), 16),
            Long.parseUnsignedLong(hex.substring(11, 27), 16), Long.parseLong(hex.substring(29, 38), 16), index));
    }

    private static String hex(long value, int digits) {
        String hex = Long.toHexString(value);
        if (hex.length() > digits) {
            throw new IllegalArgumentException("value does not fit " + digits + " hex digits: " + value);
        }
        return "0".repeat(digits - hex.length()) + hex;
    }
}
