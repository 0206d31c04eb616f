package dev.freshet.fragments.codec;

import java.util.Objects;

/**
 * Reads the bits of a raw byte sequence payload (RBSP) straight from the escaped bytes of a NAL
 * unit, dropping emulation-prevention bytes as it goes (H.264 7.3.1 / H.265 7.3.1.1): inside a NAL
 * unit every {@code 00 00 03} stands for {@code 00 00}, the {@code 03} being no part of the RBSP.
 *
 * <pre>
 *   escaped:  .. 00 00 03 01 ..      rbsp: .. 00 00 01 ..
 *   ue(v):    0{n} 1 x{n}  = 2^n - 1 + x        (9.1, Exp-Golomb)
 *   se(v):    k = ue(v); k odd ? (k + 1) / 2 : -(k / 2)   (9.1.1)
 *   trailing: rbsp_stop_one_bit (1) then alignment zeros     (7.3.2.11)
 * </pre>
 *
 * <p>Every read past the range throws {@link CodecException} ({@code TRUNCATED}); Exp-Golomb codes
 * longer than 31 leading zeros, which no conforming stream uses, throw {@code MALFORMED}. The
 * reader never loops more than the bits it was given.
 *
 * <p>Not thread-safe: one reader per parse. The bytes are read in place and must not change while
 * it is used.
 */
public final class RbspReader {

    private static final int MAX_LEADING_ZEROS = 31;

    private final byte[] data;
    private final int start;
    private final int end;
    private int next;
    private int zeros;
    private int current;
    private int currentIndex = -1;
    private int bitsLeft;
    private long bitsRead;
    private int stopIndex = Integer.MIN_VALUE;
    private int stopBit;

    /** A reader of {@code length} escaped bytes of {@code data} from {@code offset}. */
    public RbspReader(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, Objects.requireNonNull(data, "data").length);
        this.data = data;
        this.start = offset;
        this.next = offset;
        this.end = offset + length;
    }

    /** A reader of the whole array. */
    public static RbspReader of(byte[] data) {
        return new RbspReader(data, 0, data.length);
    }

    public boolean readFlag() {
        return readBit() == 1;
    }

    /** u(1). */
    public int readBit() {
        if (bitsLeft == 0) {
            loadByte();
        }
        bitsLeft--;
        bitsRead++;
        return (current >> bitsLeft) & 1;
    }

    /** u(n), n in 0..31. */
    public int readBits(int n) {
        if (n < 0 || n > 31) {
            throw new IllegalArgumentException("bits " + n);
        }
        return (int) readBitsLong(n);
    }

    /** u(n), n in 0..64; the value as an unsigned number in a long (two's complement for 64). */
    public long readBitsLong(int n) {
        if (n < 0 || n > 64) {
            throw new IllegalArgumentException("bits " + n);
        }
        long value = 0;
        for (int i = 0; i < n; i++) {
            value = (value << 1) | readBit();
        }
        return value;
    }

    /** Skips {@code n} bits (emulation-prevention bytes not counted). */
    public void skipBits(long n) {
        for (long i = 0; i < n; i++) {
            readBit();
        }
    }

    /** ue(v), limited to values an int holds. */
    public int readUe() {
        long value = readUeLong();
        if (value > Integer.MAX_VALUE) {
            throw CodecException.malformed("ue(v) value " + value + " out of range");
        }
        return (int) value;
    }

    /** se(v). */
    public int readSe() {
        long k = readUeLong();
        long value = (k & 1) == 1 ? (k + 1) / 2 : -(k / 2);
        if (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
            throw CodecException.malformed("se(v) value " + value + " out of range");
        }
        return (int) value;
    }

    /** ue(v) with up to 31 leading zeros: 0 .. 2^32 - 2. */
    private long readUeLong() {
        int leadingZeros = 0;
        while (readBit() == 0) {
            if (++leadingZeros > MAX_LEADING_ZEROS) {
                throw CodecException.malformed("Exp-Golomb code of more than " + MAX_LEADING_ZEROS + " leading zeros");
            }
        }
        return (1L << leadingZeros) - 1 + readBitsLong(leadingZeros);
    }

    /**
     * more_rbsp_data() (7.2): whether any bit before the rbsp_stop_one_bit is still unread. False
     * when the range holds no stop bit at all.
     */
    public boolean moreRbspData() {
        if (stopIndex == Integer.MIN_VALUE) {
            findStopBit();
        }
        if (stopIndex < 0) {
            return false;
        }
        int index = bitsLeft > 0 ? currentIndex : nextPayloadIndex();
        int bit = bitsLeft > 0 ? bitsLeft - 1 : 7;
        return index < stopIndex || (index == stopIndex && bit > stopBit);
    }

    /** Whether the next bit starts a byte of the RBSP. */
    public boolean byteAligned() {
        return bitsLeft == 0;
    }

    /** Bits consumed so far. */
    public long bitsRead() {
        return bitsRead;
    }

    private void loadByte() {
        int index = nextPayloadIndex();
        if (index >= end) {
            throw CodecException.truncated("RBSP");
        }
        if (index != next) {
            zeros = 0;
        }
        current = data[index] & 0xFF;
        currentIndex = index;
        next = index + 1;
        zeros = current == 0 ? zeros + 1 : 0;
        bitsLeft = 8;
    }

    /** The raw index of the next RBSP byte: {@code next}, or past it when it is an emulation-prevention byte. */
    private int nextPayloadIndex() {
        boolean emulationPrevention = zeros >= 2 && next < end && data[next] == 3;
        return emulationPrevention ? next + 1 : next;
    }

    private void findStopBit() {
        int i = end - 1;
        while (i >= start && (data[i] == 0 || isEmulationPrevention(i))) {
            i--;
        }
        stopIndex = i >= start ? i : -1;
        stopBit = stopIndex >= 0 ? Integer.numberOfTrailingZeros(data[stopIndex] & 0xFF) : 0;
    }

    /** In escaped bytes, a 03 after two zeros is always an emulation-prevention byte. */
    private boolean isEmulationPrevention(int i) {
        return data[i] == 3 && i - 2 >= start && data[i - 1] == 0 && data[i - 2] == 0;
    }
}
