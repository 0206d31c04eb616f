package dev.freshet.webrtc.rtcp;

import dev.freshet.webrtc.MalformedInputException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The packet status chunks of transport-wide feedback (draft-holmer-rmcat-transport-wide-cc-
 * extensions-01 section 3.1.1): one 2-bit symbol per packet, packed in 16-bit chunks.
 *
 * <pre>
 *  run length chunk:       |0| S |       run length (13 bits)      |
 *  status vector chunk:    |1|0|  14 symbols of 1 bit (0 or 1)     |
 *                          |1|1|  7 symbols of 2 bits              |
 *  symbols: 0 not received, 1 received with a 1-byte delta, 2 received with a 2-byte delta, 3 reserved
 * </pre>
 *
 * <p>Writing takes the longest run first, then a 1-bit vector where the symbols allow it, which
 * is compact without searching. Stateless; thread-safe.
 */
final class PacketStatusChunks {

    private static final int MAX_RUN = (1 << 13) - 1;

    private PacketStatusChunks() {
    }

    /** Reads chunks until {@code count} symbols are known; symbols past the count are ignored. */
    static int[] read(RtcpReader r, int count) {
        int[] symbols = new int[count];
        int n = 0;
        while (n < count) {
            int chunk = r.u16();
            if ((chunk & 0x8000) == 0) {
                int run = Math.min(chunk & MAX_RUN, count - n);
                Arrays.fill(symbols, n, n + run, checked(chunk >> 13 & 3));
                n += run;
            } else {
                int bits = (chunk & 0x4000) == 0 ? 1 : 2;
                for (int shift = 14 - bits; shift >= 0 && n < count; shift -= bits) {
                    symbols[n++] = checked(chunk >> shift & (1 << bits) - 1);
                }
            }
        }
        return symbols;
    }

    private static int checked(int symbol) {
        if (symbol == 3) {
            throw new MalformedInputException(RtcpMalformed.BAD_PACKET_STATUS, "reserved status symbol 3");
        }
        return symbol;
    }

    /** The 16-bit chunks that carry {@code symbols}. */
    static List<Integer> write(int[] symbols) {
        List<Integer> chunks = new ArrayList<>();
        int i = 0;
        while (i < symbols.length) {
            int run = run(symbols, i);
            int vector = Math.min(14, symbols.length - i);
            if (run < 14 && allAtMost(symbols, i, vector, 1)) {
                chunks.add(vector(symbols, i, vector, 1));
                i += vector;
            } else if (run >= 7) {
                chunks.add(symbols[i] << 13 | run);
                i += run;
            } else {
                int n = Math.min(7, symbols.length - i);
                chunks.add(vector(symbols, i, n, 2));
                i += n;
            }
        }
        return chunks;
    }

    private static int run(int[] symbols, int from) {
        int end = from;
        while (end < symbols.length && end - from < MAX_RUN && symbols[end] == symbols[from]) {
            end++;
        }
        return end - from;
    }

    private static boolean allAtMost(int[] symbols, int from, int n, int max) {
        for (int i = from; i < from + n; i++) {
            if (symbols[i] > max) {
                return false;
            }
        }
        return true;
    }

    /** A status vector of {@code n} symbols from {@code from}, padded with 0 symbols. */
    private static int vector(int[] symbols, int from, int n, int bits) {
        int chunk = 0x8000 | (bits == 2 ? 0x4000 : 0);
        int shift = 14 - bits;
        for (int i = from; i < from + n; i++, shift -= bits) {
            chunk |= symbols[i] << shift;
        }
        return chunk;
    }
}
