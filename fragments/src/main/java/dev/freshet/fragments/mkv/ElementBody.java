package dev.freshet.fragments.mkv;

import java.util.Arrays;

/**
 * The Data of one element being collected as it arrives, so that it can be decoded whole. The
 * array grows with the octets actually received (doubling, up to the declared size), so a header
 * that announces a large element costs memory only once its data comes.
 *
 * <p>Not thread-safe.
 */
final class ElementBody {

    private static final int INITIAL_CAPACITY = 64 * 1024;

    private final int size;
    private byte[] buf;
    private int filled;

    ElementBody(int size) {
        this.size = size;
        this.buf = new byte[Math.min(size, INITIAL_CAPACITY)];
    }

    /** Takes as many of the offered octets as the element still needs; returns how many. */
    int append(byte[] src, int off, int len) {
        int n = Math.min(len, size - filled);
        if (filled + n > buf.length) {
            buf = Arrays.copyOf(buf, (int) Math.min(size, Math.max(2L * buf.length, filled + n)));
        }
        System.arraycopy(src, off, buf, filled, n);
        filled += n;
        return n;
    }

    boolean complete() {
        return filled == size;
    }

    EbmlReader reader() {
        return new EbmlReader(buf, 0, size);
    }
}
