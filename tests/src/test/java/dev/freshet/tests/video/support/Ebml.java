package dev.freshet.tests.video.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Just enough EBML (RFC 8794) to read and doctor Matroska test media: element headers, variable-size
 * integers, unknown sizes, and the few element ids the video tests look at.
 *
 * <pre>
 *   element = id (1-4 bytes, marker bit kept) | size (1-8 bytes vint, all ones = unknown) | data
 * </pre>
 *
 * <p>Stateless; thread-safe.
 */
public final class Ebml {
    public static final long EBML = 0x1A45DFA3L;
    public static final long SEGMENT = 0x18538067L;
    public static final long SEEK_HEAD = 0x114D9B74L;
    public static final long INFO = 0x1549A966L;
    public static final long TIMECODE_SCALE = 0x2AD7B1L;
    public static final long TRACKS = 0x1654AE6BL;
    public static final long TRACK_ENTRY = 0xAEL;
    public static final long TRACK_NUMBER = 0xD7L;
    public static final long TRACK_TYPE = 0x83L;
    public static final long CODEC_ID = 0x86L;
    public static final long CODEC_PRIVATE = 0x63A2L;
    public static final long VIDEO = 0xE0L;
    public static final long PIXEL_WIDTH = 0xB0L;
    public static final long PIXEL_HEIGHT = 0xBAL;
    public static final long CLUSTER = 0x1F43B675L;
    public static final long TIMECODE = 0xE7L;
    public static final long SIMPLE_BLOCK = 0xA3L;
    public static final long BLOCK_GROUP = 0xA0L;
    public static final long BLOCK = 0xA1L;
    public static final long REFERENCE_BLOCK = 0xFBL;
    public static final long CUES = 0x1C53BB6BL;
    public static final long TAGS = 0x1254C367L;
    public static final long TAG = 0x7373L;
    public static final long SIMPLE_TAG = 0x67C8L;
    public static final long TAG_NAME = 0x45A3L;
    public static final long TAG_STRING = 0x4487L;
    public static final long VOID = 0xECL;
    public static final long CRC32 = 0xBFL;

    /** Ids that end an unknown-size Cluster or Segment: a sibling or a parent level starts. */
    static final Set<Long> TOP_LEVEL = Set.of(EBML, SEGMENT, SEEK_HEAD, INFO, TRACKS, CLUSTER, CUES, TAGS,
            0x1941A469L /* Attachments */, 0x1043A770L /* Chapters */);

    public static final long UNKNOWN_SIZE = -1;

    private Ebml() {
    }

    /** One element header read at {@code offset}: its id, where its data starts, its data size (or -1). */
    public record Header(long id, long offset, int headerLength, long size) {
        public long dataStart() {
            return offset + headerLength;
        }

        public boolean unknownSize() {
            return size == UNKNOWN_SIZE;
        }

        /** The end of the element, for a known size. */
        public long end() {
            if (unknownSize()) {
                throw new IllegalStateException("element " + Long.toHexString(id) + " has an unknown size");
            }
            return dataStart() + size;
        }
    }

    /** Reads the element header at {@code offset}; throws when the bytes end inside it. */
    public static Header header(byte[] b, long offset) {
        int pos = Math.toIntExact(offset);
        int idLength = vintLength(b[pos]);
        if (idLength > 4) {
            throw new IllegalArgumentException("bad element id at " + offset);
        }
        long id = 0;
        for (int i = 0; i < idLength; i++) {
            id = (id << 8) | (b[pos + i] & 0xFF);
        }
        int sizeLength = vintLength(b[pos + idLength]);
        long size = b[pos + idLength] & (0xFF >> sizeLength);
        boolean allOnes = size == (0xFF >> sizeLength);
        for (int i = 1; i < sizeLength; i++) {
            int octet = b[pos + idLength + i] & 0xFF;
            allOnes &= octet == 0xFF;
            size = (size << 8) | octet;
        }
        return new Header(id, offset, idLength + sizeLength, allOnes ? UNKNOWN_SIZE : size);
    }

    /** The children of the range [from, to), following unknown sizes up to the next sibling-or-higher id. */
    public static List<Header> children(byte[] b, long from, long to) {
        List<Header> out = new ArrayList<>();
        long pos = from;
        while (pos < to) {
            Header h = header(b, pos);
            if (h.unknownSize()) {
                long end = unknownEnd(b, h, to);
                h = new Header(h.id(), h.offset(), h.headerLength(), end - h.dataStart());
            }
            out.add(h);
            pos = h.end();
        }
        return out;
    }

    /** Where an unknown-size element ends: at the first child whose id is a top-level one, or at {@code limit}. */
    static long unknownEnd(byte[] b, Header h, long limit) {
        long pos = h.dataStart();
        while (pos < limit) {
            Header child = header(b, pos);
            if (TOP_LEVEL.contains(child.id()) && !(h.id() == SEGMENT && child.id() != EBML && child.id() != SEGMENT)) {
                return pos;
            }
            pos = child.unknownSize() ? unknownEnd(b, child, limit) : child.end();
        }
        return limit;
    }

    public static Header first(byte[] b, Header parent, long id) {
        return children(b, parent.dataStart(), parent.end()).stream().filter(h -> h.id() == id).findFirst()
                .orElse(null);
    }

    public static long readUnsigned(byte[] b, Header h) {
        long value = 0;
        for (long i = h.dataStart(); i < h.end(); i++) {
            value = (value << 8) | (b[(int) i] & 0xFF);
        }
        return value;
    }

    public static String readString(byte[] b, Header h) {
        int end = (int) h.end();
        int start = (int) h.dataStart();
        while (end > start && b[end - 1] == 0) {
            end--;
        }
        return new String(b, start, end - start, StandardCharsets.UTF_8);
    }

    /** Overwrites an unsigned-integer element's value in place (same length); fails when it does not fit. */
    public static void writeUnsigned(byte[] b, Header h, long value) {
        int length = (int) h.size();
        if (length < 8 && value >>> (8 * length) != 0) {
            throw new IllegalArgumentException(value + " does not fit in " + length + " bytes");
        }
        for (int i = length - 1; i >= 0; i--) {
            b[(int) h.dataStart() + i] = (byte) value;
            value >>>= 8;
        }
    }

    /** Turns the element into a Void element of exactly the same total length, so no parent size changes. */
    public static void voidOut(byte[] b, Header h) {
        long total = h.end() - h.offset();
        int sizeLength = h.headerLength() - 1;
        long dataSize = total - 1 - sizeLength;
        if (sizeLength < 1 || sizeLength > 8) {
            throw new IllegalArgumentException("cannot void an element with a " + h.headerLength() + "-byte header");
        }
        int pos = (int) h.offset();
        b[pos] = (byte) VOID;
        byte[] size = vint(dataSize, sizeLength);
        System.arraycopy(size, 0, b, pos + 1, sizeLength);
    }

    /** A complete element: id, a minimal size vint, data. */
    public static byte[] element(long id, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(id(id));
        out.writeBytes(vint(data.length, vintBytesFor(data.length)));
        out.writeBytes(data);
        return out.toByteArray();
    }

    /** An element header announcing {@code size} bytes of data, sized {@code sizeLength} bytes. */
    public static byte[] header(long id, long size, int sizeLength) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(id(id));
        out.writeBytes(vint(size, sizeLength));
        return out.toByteArray();
    }

    public static byte[] unsignedElement(long id, long value) {
        int length = 1;
        while (length < 8 && value >>> (8 * length) != 0) {
            length++;
        }
        byte[] data = new byte[length];
        for (int i = length - 1; i >= 0; i--) {
            data[i] = (byte) value;
            value >>>= 8;
        }
        return element(id, data);
    }

    static byte[] id(long id) {
        int length = id > 0xFFFFFFL ? 4 : id > 0xFFFFL ? 3 : id > 0xFFL ? 2 : 1;
        byte[] out = new byte[length];
        for (int i = length - 1; i >= 0; i--) {
            out[i] = (byte) id;
            id >>>= 8;
        }
        return out;
    }

    static byte[] vint(long value, int length) {
        if (length < 8 && value >= (1L << (7 * length)) - 1) {
            throw new IllegalArgumentException(value + " needs more than " + length + " vint bytes");
        }
        byte[] out = new byte[length];
        long v = value;
        for (int i = length - 1; i >= 0; i--) {
            out[i] = (byte) v;
            v >>>= 8;
        }
        out[0] |= (byte) (0x80 >> (length - 1));
        return out;
    }

    static int vintBytesFor(long value) {
        int length = 1;
        while (length < 8 && value >= (1L << (7 * length)) - 1) {
            length++;
        }
        return length;
    }

    private static int vintLength(byte first) {
        int v = first & 0xFF;
        if (v == 0) {
            return 9;
        }
        return Integer.numberOfLeadingZeros(v) - 23;
    }
}
