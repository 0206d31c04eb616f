package dev.freshet.webrtc.srtp;

/**
 * A sliding-window replay list over packet indexes (RFC 3711 §3.3.2): indexes more than
 * {@code size - 1} behind the highest accepted one are too old, and each one inside the window
 * is accepted once. A ring of bits indexed by {@code index mod size}; bits between the old and
 * new highest are cleared as the window slides.
 *
 * <p>Not thread-safe.
 */
final class ReplayWindow {

    /** RFC 3711 asks for at least 64; libsrtp's 128 tolerates more reordering. */
    static final int DEFAULT_SIZE = 128;

    private final int size;
    private final long[] bits;
    private long highest = -1;

    ReplayWindow(int size) {
        if (size < 64 || size % 64 != 0) {
            throw new IllegalArgumentException("window size must be a multiple of 64, at least 64: " + size);
        }
        this.size = size;
        this.bits = new long[size / 64];
    }

    /** True if {@code index} was accepted already or is older than the window. */
    boolean isReplay(long index) {
        if (index > highest) {
            return false;
        }
        return highest - index >= size || isSet(index);
    }

    /** Marks {@code index} received; call only after it authenticated. */
    void accept(long index) {
        if (index > highest) {
            if (highest < 0 || index - highest >= size) {
                java.util.Arrays.fill(bits, 0L);
            } else {
                for (long i = highest + 1; i < index; i++) {
                    bits[slot(i) >>> 6] &= ~(1L << slot(i));
                }
            }
            highest = index;
        }
        bits[slot(index) >>> 6] |= 1L << slot(index);
    }

    private boolean isSet(long index) {
        return (bits[slot(index) >>> 6] & (1L << slot(index))) != 0;
    }

    /** Bit position in the ring; {@code 1L << slot} uses only the low 6 bits, as intended. */
    private int slot(long index) {
        return (int) (index % size);
    }
}
