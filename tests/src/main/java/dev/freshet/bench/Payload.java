package dev.freshet.bench;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;

/**
 * Record data that carries its own send time, so a consumer in the same process can compute
 * put→readable latency. {@link System#nanoTime()} is only comparable inside one JVM, which is why
 * producer and consumers of a latency run live in the same generator.
 *
 * <pre>
 *  0        8          16                    recordBytes
 *  +--------+----------+---------------------+
 *  | run id | send ns  | random filler       |
 *  |  i64   |   i64    |                     |
 *  +--------+----------+---------------------+
 * </pre>
 * The run id keeps records of an earlier run on a reused stream out of the figures.
 *
 * <p>Stateless and thread-safe.
 */
final class Payload {

    static final int HEADER_BYTES = 16;

    private Payload() {
    }

    /** A filler of {@code bytes} random bytes; the header is stamped into a copy by {@link #stamp}. */
    static byte[] filler(int bytes, long seed) {
        byte[] data = new byte[bytes];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < bytes; i++) {
            data[i] = (byte) random.nextInt(256);
        }
        return data;
    }

    static byte[] stamp(byte[] filler, long runId, long sendNanos) {
        byte[] data = filler.clone();
        ByteBuffer.wrap(data).putLong(runId).putLong(sendNanos);
        return data;
    }

    /** The send time of a record of this run, or -1 for anything else. */
    static long sendNanos(ByteBuffer data, long runId) {
        if (data.remaining() < HEADER_BYTES || data.getLong(data.position()) != runId) {
            return -1;
        }
        return data.getLong(data.position() + 8);
    }
}
