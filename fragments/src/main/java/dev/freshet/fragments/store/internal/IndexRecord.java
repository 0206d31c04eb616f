package dev.freshet.fragments.store.internal;

import dev.freshet.fragments.store.FragmentInfo;

import java.nio.ByteBuffer;

/**
 * One entry of a stream's index log: everything {@link FragmentInfo} holds but the number (which is
 * derived), so queries and restarts never read media.
 *
 * <pre>  sequence i64 | producer ms i64 | server ms i64 | duration ms i64 | size i64 | tracks print i64  (48 bytes)</pre>
 *
 * <p>Stateless and thread-safe.
 */
final class IndexRecord {

    static final int SIZE = 48;

    private IndexRecord() {
    }

    static byte[] encode(long sequence, FragmentRecord.Header header) {
        return ByteBuffer.allocate(SIZE).putLong(sequence).putLong(header.producerMillis())
            .putLong(header.serverMillis()).putLong(header.durationMillis()).putLong(header.sizeBytes())
            .putLong(header.tracksFingerprint()).array();
    }

    /** The sequence and header an entry holds, or null when the bytes are not an index entry. */
    static Entry decode(byte[] bytes) {
        if (bytes.length != SIZE) {
            return null;
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        return new Entry(in.getLong(), new FragmentRecord.Header(in.getLong(), in.getLong(), in.getLong(), in.getLong(),
            in.getLong()));
    }

    record Entry(long sequence, FragmentRecord.Header header) {
    }
}
