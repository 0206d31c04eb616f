package dev.freshet.fragments.store.internal;

import dev.freshet.fragments.store.FragmentEncoding;
import dev.freshet.fragments.media.Fragment;

import dev.freshet.fragments.media.Track;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The data of one fragment record in a stream's shard log: a small header with what the index
 * needs, then the fragment in the canonical container ({@link FragmentEncoding}).
 *
 * <pre>
 *  0    2   3          11         19          27          35          43
 *  +----+---+----------+----------+-----------+-----------+-----------+------------------+
 *  | FR | 1 | producer | server   | duration  | size      | tracks    | encoded fragment |
 *  |    |   | ms  i64  | ms  i64  | ms  i64   | bytes i64 | print i64 |                  |
 *  +----+---+----------+----------+-----------+-----------+-----------+------------------+
 * </pre>
 * The header lets the index be rebuilt from the fragment log alone after a crash.
 *
 * <p>Stateless and thread-safe.
 */
final class FragmentRecord {

    static final int HEADER = 43;
    private static final byte VERSION = 1;

    /** What a record's header says. */
    record Header(long producerMillis, long serverMillis, long durationMillis, long sizeBytes, long tracksFingerprint) {
    }

    private FragmentRecord() {
    }

    static byte[] encode(Header header, byte[] payload) {
        ByteBuffer out = ByteBuffer.allocate(HEADER + payload.length);
        out.put((byte) 'F').put((byte) 'R').put(VERSION)
            .putLong(header.producerMillis()).putLong(header.serverMillis())
            .putLong(header.durationMillis()).putLong(header.sizeBytes()).putLong(header.tracksFingerprint())
            .put(payload);
        return out.array();
    }

    static Header header(byte[] record) {
        ByteBuffer in = checked(record);
        return new Header(in.getLong(3), in.getLong(11), in.getLong(19), in.getLong(27), in.getLong(35));
    }

    static Fragment fragment(byte[] record, FragmentEncoding encoding) {
        checked(record);
        byte[] payload = new byte[record.length - HEADER];
        System.arraycopy(record, HEADER, payload, 0, payload.length);
        return encoding.decode(payload);
    }

    /** @param storedBytes the fragment's size as stored (FragmentSizeInBytes counts the container too) */
    static Header headerOf(Fragment fragment, long serverMillis, long storedBytes) {
        return new Header(Math.floorDiv(fragment.startMicros(), 1000), serverMillis,
            Math.round(fragment.durationMicros() / 1000.0), storedBytes, fingerprint(fragment.tracks()));
    }

    /** The first 64 bits of a SHA-256 of the tracks' numbers, codecs, configurations and sizes. */
    static long fingerprint(List<Track> tracks) {
        MessageDigest digest = sha256();
        ByteBuffer fields = ByteBuffer.allocate(24);
        for (Track track : tracks) {
            fields.clear();
            fields.putInt(track.number()).putInt(track.codec().ordinal()).putInt(track.width()).putInt(track.height())
                .putInt(track.sampleRate()).putInt(track.channels());
            digest.update(fields.array());
            digest.update(track.codecPrivate());
        }
        return ByteBuffer.wrap(digest.digest()).getLong();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK must provide SHA-256", e);
        }
    }

    private static ByteBuffer checked(byte[] record) {
        if (record.length < HEADER || record[0] != 'F' || record[1] != 'R' || record[2] != VERSION) {
            throw new IllegalStateException("not a fragment record (" + record.length + " bytes)");
        }
        return ByteBuffer.wrap(record);
    }
}
