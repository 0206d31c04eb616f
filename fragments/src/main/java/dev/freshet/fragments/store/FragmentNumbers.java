package dev.freshet.fragments.store;

import java.math.BigInteger;
import java.util.OptionalLong;

/**
 * Fragment numbers: 47-digit decimal strings shaped like the service's
 * ({@code 91343852333181432392682062607743920146264442953}) that encode the fragment's record
 * sequence, so a number finds its fragment without a lookup table, and a number from another
 * stream (or an earlier stream of the same name) is recognised.
 *
 * <pre>
 *   hex: 9 | streamCreatedSeconds (9) | sequence + 1 (16) | 0 | serverMillis (11) | 9
 * </pre>
 * Numbers increase strictly with the sequence within a stream.
 *
 * <p>Stateless and thread-safe.
 */
public final class FragmentNumbers {

    private static final int HEX_DIGITS = 39;

    private FragmentNumbers() {
    }

    public static String format(long streamCreatedMillis, long sequence, long serverMillis) {
        String hex = "9" + hex(streamCreatedMillis / 1000, 9) + hex(sequence + 1, 16) + "0" + hex(serverMillis, 11) + "9";
        return new BigInteger(hex, 16).toString();
    }

    /** The sequence a number names, if it is a number of the stream created at that time. */
    public static OptionalLong sequenceOf(String fragmentNumber, long streamCreatedMillis) {
        if (fragmentNumber == null || fragmentNumber.isEmpty() || fragmentNumber.length() > 60
            || !fragmentNumber.chars().allMatch(Character::isDigit)) {
            return OptionalLong.empty();
        }
        String hex = new BigInteger(fragmentNumber).toString(16);
        if (hex.length() != HEX_DIGITS || hex.charAt(0) != '9' || hex.charAt(HEX_DIGITS - 1) != '9'
            || hex.charAt(26) != '0' || !hex.substring(1, 10).equals(hex(streamCreatedMillis / 1000, 9))) {
            return OptionalLong.empty();
        }
        long plusOne = Long.parseUnsignedLong(hex.substring(10, 26), 16);
        return plusOne < 1 ? OptionalLong.empty() : OptionalLong.of(plusOne - 1);
    }

    private static String hex(long value, int digits) {
        String hex = Long.toHexString(value);
        if (hex.length() > digits) {
            throw new IllegalArgumentException("value does not fit " + digits + " hex digits: " + value);
        }
        return "0".repeat(digits - hex.length()) + hex;
    }
}
