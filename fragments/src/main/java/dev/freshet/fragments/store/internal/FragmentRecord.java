package dev.freshet.fragments.store.internal;

import dev.freshet.fragments.store.FragmentEncoding;
import dev.freshet.fragments.media.Fragment;

import java.nio.ByteBuffer;

/**
 * The data of one fragment record in a stream's shard log: a small header with what the index
 * needs, then the fragment in the canonical container ({@link FragmentEncoding}).
 *
 * <pre>
 *  0    2   3          11         19          27          35
 *  +----+---+----------+----------+-----------+-----------+------------------+
 *  | FR | 1 | producer | server   | duration  | size      | encoded fragment |
 *  |    |   | ms  i64  | ms  i64  | ms  i64   | bytes i64 |                  |
 *  +----+---+----------+----------+-----------+-----------+------------------+
 * </pre>
 * The header lets the index be rebuilt from the fragment log alone after a crash.
 *
 * <p>Stateless and thread-safe.
 */
final class FragmentRecord {

    static final int HEADER = 35;
    private static final byte VERSION = 1;

    /** What a record's header says. */
    record Header(long producerMillis, long serverMillis, long durationMillis, long sizeBytes) {
    }

    private FragmentRecord() {
    }

    static byte[] encode(Header header, byte[] payload) {
        ByteBuffer out = ByteBuffer.allocate(HEADER + payload.length);
        out.put((byte) 'F').put((byte) 'R').put(VERSION)
            .putLong(header.producerMillis()).putLong(header.serverMillis())
            .putLong(header.durationMillis()).putLong(header.sizeBytes())
            .put(payload);
        return out.array();
    }

    static Header header(byte[] record) {
        ByteBuffer in = checked(record);
        return new Header(in.getLong(3), in.getLong(11), in.getLong(19), in.getLong(27));
    }

    static Fragment fragment(byte[] record, FragmentEncoding encoding) {
        checked(record);
        byte[] payload = new byte[record.length - HEADER];
        System.arraycopy(record, HEADER, payload, 0, payload.length);
        return encoding.decode(payload);
    }

    static Header headerOf(Fragment fragment, long serverMillis) {
        return new Header(Math.floorDiv(fragment.startMicros(), 1000), serverMillis,
            Math.round(fragment.durationMicros() / 1000.0), fragment.sizeBytes());
    }

    private static ByteBuffer checked(byte[] record) {
        if (record.length < HEADER || record[0] != 'F' || record[1] != 'R' || record[2] != VERSION) {
            throw new IllegalStateException("not a fragment record (" + record.length + " bytes)");
        }
        return ByteBuffer.wrap(record);
    }
}
