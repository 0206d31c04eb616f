package dev.freshet.datastreams.kinesis.internal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The 128-bit hash key space records are routed by: a partition key maps to the MD5 of its UTF-8
 * bytes read as an unsigned integer, unless the producer gives an explicit hash key.
 *
 * <p>Thread-safe.
 */
public final class HashKeys {

    public static final BigInteger MAX = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK must provide MD5", e);
        }
    });

    private HashKeys() {
    }

    public static BigInteger ofPartitionKey(String partitionKey) {
        return new BigInteger(1, MD5.get().digest(partitionKey.getBytes(StandardCharsets.UTF_8)));
    }

    /** Parses a decimal hash key; null when it is not an integer in [0, 2^128 - 1]. */
    public static BigInteger parse(String decimal) {
        if (decimal == null || decimal.isEmpty() || decimal.length() > 39 || !decimal.chars().allMatch(Character::isDigit)) {
            return null;
        }
        BigInteger value = new BigInteger(decimal);
        return value.compareTo(MAX) > 0 ? null : value;
    }

    /** Start of the {@code i}-th of {@code n} equal ranges covering the whole space. */
    public static BigInteger uniformStart(int i, int n) {
        return MAX.add(BigInteger.ONE).multiply(BigInteger.valueOf(i)).divide(BigInteger.valueOf(n));
    }
}
