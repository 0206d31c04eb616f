package dev.freshet.delivery.process.split;

import java.nio.charset.StandardCharsets;

/**
 * Reads protocol-buffers wire format (varints, length-delimited fields) from a byte range, with
 * every length and varint checked against the range: enough for the three fixed messages of
 * {@link KplAggregatedRecord}. Groups (wire types 3 and 4) are refused; unknown fields of the
 * other wire types are skipped, as protobuf parsers do.
 *
 * <p>Not thread-safe (a cursor over one buffer).
 */
final class ProtobufReader {

    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int FIXED32 = 5;

    private final byte[] buffer;
    private final int end;
    private int position;

    ProtobufReader(byte[] buffer, int offset, int length) {
        this.buffer = buffer;
        this.position = offset;
        this.end = offset + length;
    }

    boolean atEnd() {
        return position >= end;
    }

    /** The next field's tag: field number {@code << 3 |} wire type. */
    int readTag() throws MalformedRecordException {
        long tag = readVarint();
        if (tag >>> 3 == 0 || tag > Integer.MAX_VALUE) {
            throw new MalformedRecordException("invalid protobuf tag " + tag + " at byte " + position);
        }
        return (int) tag;
    }

    long readVarint() throws MalformedRecordException {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (position >= end) {
                throw new MalformedRecordException("truncated varint");
            }
            byte b = buffer[position++];
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new MalformedRecordException("varint longer than 10 bytes");
    }

    /** A length-delimited field's bytes as a sub-reader over the same buffer. */
    ProtobufReader readMessage() throws MalformedRecordException {
        int length = readLength();
        ProtobufReader sub = new ProtobufReader(buffer, position, length);
        position += length;
        return sub;
    }

    byte[] readBytes() throws MalformedRecordException {
        int length = readLength();
        byte[] out = new byte[length];
        System.arraycopy(buffer, position, out, 0, length);
        position += length;
        return out;
    }

    String readString() throws MalformedRecordException {
        int length = readLength();
        String out = new String(buffer, position, length, StandardCharsets.UTF_8);
        position += length;
        return out;
    }

    void skip(int wireType) throws MalformedRecordException {
        switch (wireType) {
            case VARINT -> readVarint();
            case FIXED64 -> advance(8);
            case LENGTH_DELIMITED -> advance(readLength());
            case FIXED32 -> advance(4);
            default -> throw new MalformedRecordException("unsupported protobuf wire type " + wireType);
        }
    }

    /** Fails when {@code tag} does not carry {@code wireType}. */
    static void expect(int tag, int wireType) throws MalformedRecordException {
        if ((tag & 7) != wireType) {
            throw new MalformedRecordException("field " + (tag >>> 3) + " has wire type " + (tag & 7) + ", expected "
                + wireType);
        }
    }

    private int readLength() throws MalformedRecordException {
        long length = readVarint();
        if (length < 0 || length > end - position) {
            throw new MalformedRecordException("length " + length + " runs past the end of its message");
        }
        return (int) length;
    }

    private void advance(int bytes) throws MalformedRecordException {
        if (bytes > end - position) {
            throw new MalformedRecordException("field runs past the end of its message");
        }
        position += bytes;
    }
}
