package dev.freshet.datastreams.kinesis.internal;

import dev.freshet.datastreams.tokens.SealedTokens;
import dev.freshet.datastreams.tokens.TokenCodec;

import dev.freshet.datastreams.kinesis.KinesisErrorType;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Shard iterators: sealed (see {@link SealedTokens}) records of a read position — stream name and
 * incarnation, shard, log sequence — and when they were issued. A forged or damaged iterator is an
 * InvalidArgumentException; one older than the TTL an ExpiredIteratorException, worded as the
 * service words it.
 *
 * <p>Thread-safe.
 */
public final class ShardIterators {

    private static final byte PURPOSE = 'I';

    /** The position an iterator names. */
    public record Position(String streamName, String streamId, String shardId, long sequence, long issuedMillis) {
    }

    private final SealedTokens tokens;
    private final Duration ttl;

    public ShardIterators(SealedTokens tokens, Duration ttl) {
        this.tokens = tokens;
        this.ttl = ttl;
    }

    public String issue(String streamName, String streamId, String shardId, long sequence, long nowMillis) {
        return tokens.seal(TokenCodec.pack(streamName, streamId, shardId, sequence, nowMillis), PURPOSE);
    }

    public Position open(String iterator, long nowMillis) {
        List<Object> fields = tokens.open(iterator, PURPOSE).flatMap(raw -> TokenCodec.unpack(raw, 5))
            .orElseThrow(() -> KinesisErrorType.INVALID_ARGUMENT.exception("Invalid ShardIterator."));
        Position position = new Position((String) fields.get(0), (String) fields.get(1), (String) fields.get(2),
            (Long) fields.get(3), (Long) fields.get(4));
        if (nowMillis - position.issuedMillis() > ttl.toMillis()) {
            throw KinesisErrorType.EXPIRED_ITERATOR.exception(
                "Iterator expired. The iterator was created at time %s while right now it is %s which is further in the "
                    + "future than the tolerated delay of %d milliseconds.",
                Date.from(Instant.ofEpochMilli(position.issuedMillis())), Date.from(Instant.ofEpochMilli(nowMillis)),
                ttl.toMillis());
        }
        return position;
    }
}
