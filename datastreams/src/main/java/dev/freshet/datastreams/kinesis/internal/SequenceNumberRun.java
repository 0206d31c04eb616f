package dev.freshet.datastreams.kinesis.internal;

/**
 * Formats the sequence numbers of consecutive records of one shard cheaply. In the
 * {@link SequenceNumbers} layout {@code n} sits 80 bits above the low end, so while the arrival
 * second stays the same each next number is the previous plus 2<sup>80</sup>: one decimal addition
 * on a digit array instead of a {@code BigInteger} conversion per record (which was a fifth of the
 * CPU of a PutRecords call). Any other step falls back to {@link SequenceNumbers#format}.
 *
 * <p>Not thread-safe; one per batch of records.
 */
public final class SequenceNumberRun {

    private static final char[] TWO_POW_80 = "1208925819614629174706176".toCharArray();

    private final long shardCreatedSeconds;
    private final int shardIndex;
    private char[] digits;
    private long lastN = -1;
    private long lastArrivalSeconds = -1;

    public SequenceNumberRun(long shardCreatedSeconds, int shardIndex) {
        this.shardCreatedSeconds = shardCreatedSeconds;
        this.shardIndex = shardIndex;
    }

    /** The sequence number with this {@code n} and arrival second. */
    public String format(long n, long arrivalSeconds) {
        if (digits != null && n == lastN + 1 && arrivalSeconds == lastArrivalSeconds) {
            addTwoPow80();
        } else {
            digits = SequenceNumbers.format(shardCreatedSeconds, shardIndex, n, arrivalSeconds).toCharArray();
        }
        lastN = n;
        lastArrivalSeconds = arrivalSeconds;
        return new String(digits);
    }

    private void addTwoPow80() {
        int carry = 0;
        int i = digits.length - 1;
        for (int k = TWO_POW_80.length - 1; i >= 0 && (k >= 0 || carry > 0); i--, k--) {
            int sum = digits[i] - '0' + (k >= 0 ? TWO_POW_80[k] - '0' : 0) + carry;
            digits[i] = (char) ('0' + sum % 10);
            carry = sum / 10;
        }
        if (carry > 0) {
            char[] longer = new char[digits.length + 1];
            longer[0] = '1';
            System.arraycopy(digits, 0, longer, 1, digits.length);
            digits = longer;
        }
    }
}
