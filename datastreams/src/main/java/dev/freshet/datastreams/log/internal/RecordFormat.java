package dev.freshet.datastreams.log.internal;

import dev.freshet.datastreams.log.LogRecord;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * The on-disk frame of one record in a segment file. Big-endian.
 *
 * <pre>
 *  0      4      8   9         17        25   27         27+k    31+k
 *  +------+------+---+---------+---------+----+----------+-------+-----------+
 *  |length| crc  | v | sequence|timestamp| k  |   key    |  d    |   data    |
 *  | u32  | u32  |u8 |   i64   |   i64   |u16 | k bytes  |  u32  |  d bytes  |
 *  +------+------+---+---------+---------+----+----------+-------+-----------+
 * </pre>
 * {@code length} counts the bytes after itself; {@code crc} is CRC-32C over everything after it
 * (version to the end of data); {@code v} is the format version, 1. A frame is valid only when the
 * length agrees with the key and data lengths and the CRC matches, so a torn or corrupt tail never
 * decodes as a record.
 *
 * <p>Stateless and thread-safe.
 */
final class RecordFormat {

    static final byte VERSION = 1;
    static final int LENGTH_FIELD = 4;
    /** Bytes of a frame besides key and data. */
    static final int OVERHEAD = 4 + 4 + 1 + 8 + 8 + 2 + 4;
    /** Largest frame accepted on read; anything longer is corruption. */
    static final int MAX_FRAME = 64 * 1024 * 1024;
    private static final int CRC_START = 8;

    private RecordFormat() {
    }

    static int frameSize(byte[] key, int dataLength) {
        return OVERHEAD + key.length + dataLength;
    }

    static byte[] keyBytes(String partitionKey) {
        return partitionKey.getBytes(StandardCharsets.UTF_8);
    }

    /** Writes one frame at the buffer's position and advances it. */
    static void write(ByteBuffer out, long sequence, long timestamp, byte[] key, byte[] data) {
        int start = out.position();
        out.putInt(frameSize(key, data.length) - LENGTH_FIELD);
        out.putInt(0);
        out.put(VERSION);
        out.putLong(sequence);
        out.putLong(timestamp);
        out.putShort((short) key.length);
        out.put(key);
        out.putInt(data.length);
        out.put(data);
        CRC32C crc = new CRC32C();
        crc.update(out.duplicate().position(start + CRC_START).limit(out.position()));
        out.putInt(start + 4, (int) crc.getValue());
    }

    /**
     * Checks the frame starting at {@code buf.position()} and returns its total size, or -1 when
     * the bytes there are not a complete, valid frame (torn, corrupt, or not yet fully in the
     * buffer — callers tell those apart by comparing against what they know is available).
     */
    static int validFrameSize(ByteBuffer buf) {
        int at = buf.position();
        if (buf.remaining() < OVERHEAD) {
            return -1;
        }
        int length = buf.getInt(at);
        if (length < OVERHEAD - LENGTH_FIELD || length > MAX_FRAME || length > buf.remaining() - LENGTH_FIELD) {
            return -1;
        }
        if (buf.get(at + 8) != VERSION) {
            return -1;
        }
        int keyLength = Short.toUnsignedInt(buf.getShort(at + 25));
        if (OVERHEAD - LENGTH_FIELD + keyLength > length) {
            return -1;
        }
        int dataLength = buf.getInt(at + 27 + keyLength);
        if (dataLength < 0 || OVERHEAD - LENGTH_FIELD + keyLength + dataLength != length) {
            return -1;
        }
        CRC32C crc = new CRC32C();
        crc.update(buf.duplicate().position(at + CRC_START).limit(at + LENGTH_FIELD + length));
        return (int) crc.getValue() == buf.getInt(at + 4) ? length + LENGTH_FIELD : -1;
    }

    /** Size the frame at the buffer's position claims, without validating it; -1 if unreadable. */
    static int claimedFrameSize(ByteBuffer buf) {
        if (buf.remaining() < LENGTH_FIELD) {
            return -1;
        }
        int length = buf.getInt(buf.position());
        return length < OVERHEAD - LENGTH_FIELD || length > MAX_FRAME ? -1 : length + LENGTH_FIELD;
    }

    static long sequenceAt(ByteBuffer buf) {
        return buf.getLong(buf.position() + 9);
    }

    static long timestampAt(ByteBuffer buf) {
        return buf.getLong(buf.position() + 17);
    }

    static int dataLengthAt(ByteBuffer buf) {
        int keyLength = Short.toUnsignedInt(buf.getShort(buf.position() + 25));
        return buf.getInt(buf.position() + 27 + keyLength);
    }

    /** Decodes a frame already checked by {@link #validFrameSize}; does not move the position. */
    static LogRecord decode(ByteBuffer buf) {
        int at = buf.position();
        int keyLength = Short.toUnsignedInt(buf.getShort(at + 25));
        byte[] key = new byte[keyLength];
        buf.get(at + 27, key);
        int dataLength = buf.getInt(at + 27 + keyLength);
        byte[] data = new byte[dataLength];
        buf.get(at + 31 + keyLength, data);
        return new LogRecord(sequenceAt(buf), timestampAt(buf), new String(key, StandardCharsets.UTF_8), data);
    }
}
