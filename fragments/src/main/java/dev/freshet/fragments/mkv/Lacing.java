package dev.freshet.fragments.mkv;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the rest of a block after its flags octet into frames (RFC 9559 section 10.4). Lacing bits
 * of the flags: 00 none, 01 Xiph, 11 EBML, 10 fixed-size. A laced block continues with the frame
 * count minus one, then (Xiph, EBML) the sizes of every frame but the last:
 *
 * <pre>
 *  Xiph:  size = 255 + 255 + ... + n (n &lt; 255), one run per frame
 *  EBML:  first size as a VINT, then each size as a signed VINT difference from the previous
 *  fixed: every frame is (remaining octets / count), which must divide evenly
 *  last:  whatever remains
 * </pre>
 *
 * <p>Stateless; thread-safe.
 */
final class Lacing {

    static final int NONE = 0;
    static final int XIPH = 1;
    static final int FIXED = 2;
    static final int EBML = 3;

    private Lacing() {
    }

    /** The frames in {@code r}, which holds everything after the flags octet. */
    static List<byte[]> split(EbmlReader r, int lacing) {
        if (lacing == NONE) {
            return List.of(r.readBinary(r.remaining()));
        }
        int count = r.readUnsignedByte() + 1;
        long[] sizes = switch (lacing) {
            case XIPH -> xiphSizes(r, count);
            case EBML -> ebmlSizes(r, count);
            default -> fixedSizes(r, count);
        };
        List<byte[]> frames = new ArrayList<>(count);
        for (long size : sizes) {
            frames.add(r.readBinary(size));
        }
        return frames;
    }

    private static long[] xiphSizes(EbmlReader r, int count) {
        long[] sizes = new long[count];
        for (int i = 0; i < count - 1; i++) {
            int octet;
            do {
                octet = r.readUnsignedByte();
                sizes[i] += octet;
            } while (octet == 255);
        }
        return withLast(r, sizes);
    }

    private static long[] ebmlSizes(EbmlReader r, int count) {
        long[] sizes = new long[count];
        if (count > 1) {
            sizes[0] = r.readVint();
        }
        for (int i = 1; i < count - 1; i++) {
            sizes[i] = sizes[i - 1] + r.readSignedVint();
            if (sizes[i] < 0) {
                throw MkvException.invalid("negative EBML lace size");
            }
        }
        return withLast(r, sizes);
    }

    private static long[] fixedSizes(EbmlReader r, int count) {
        if (r.remaining() % count != 0) {
            throw MkvException.invalid(r.remaining() + " octets do not split into " + count + " equal frames");
        }
        long[] sizes = new long[count];
        java.util.Arrays.fill(sizes, r.remaining() / count);
        return sizes;
    }

    private static long[] withLast(EbmlReader r, long[] sizes) {
        long last = r.remaining();
        for (int i = 0; i < sizes.length - 1; i++) {
            last -= sizes[i];
        }
        if (last < 0) {
            throw MkvException.invalid("lace sizes exceed the block");
        }
        sizes[sizes.length - 1] = last;
        return sizes;
    }
}
