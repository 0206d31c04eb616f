package dev.freshet.tests.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.kinesis.model.Shard;

/** The Kinesis hash-key space: MD5 of the partition key read as an unsigned 128-bit integer. */
public final class HashKeys {
    public static final BigInteger MAX = BigInteger.TWO.pow(128).subtract(BigInteger.ONE);

    private HashKeys() {
    }

    public static BigInteger of(String partitionKey) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(partitionKey.getBytes(StandardCharsets.UTF_8));
            return new BigInteger(1, digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static BigInteger start(Shard shard) {
        return new BigInteger(shard.hashKeyRange().startingHashKey());
    }

    public static BigInteger end(Shard shard) {
        return new BigInteger(shard.hashKeyRange().endingHashKey());
    }

    public static boolean contains(Shard shard, BigInteger hashKey) {
        return start(shard).compareTo(hashKey) <= 0 && end(shard).compareTo(hashKey) >= 0;
    }

    /** The one shard among {@code openShards} whose range holds {@code hashKey}. */
    public static Shard shardFor(List<Shard> openShards, BigInteger hashKey) {
        List<Shard> matches = openShards.stream().filter(s -> contains(s, hashKey)).toList();
        assertThat(matches).as("open shards holding hash key %s", hashKey).hasSize(1);
        return matches.get(0);
    }

    /** The open shards' ranges are contiguous, do not overlap and cover 0 .. 2^128-1. */
    public static void assertCoverWholeSpace(List<Shard> openShards) {
        List<Shard> sorted = openShards.stream().sorted(Comparator.comparing(HashKeys::start)).toList();
        BigInteger next = BigInteger.ZERO;
        for (Shard shard : sorted) {
            assertThat(start(shard)).as("start of %s", shard.shardId()).isEqualTo(next);
            assertThat(end(shard)).as("end of %s", shard.shardId()).isGreaterThanOrEqualTo(start(shard));
            next = end(shard).add(BigInteger.ONE);
        }
        assertThat(next.subtract(BigInteger.ONE)).as("end of the last range").isEqualTo(MAX);
    }
}
