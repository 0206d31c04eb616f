package dev.freshet.delivery.process.split;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a record at every occurrence of a delimiter (RecordDeAggregation with
 * {@code SubRecordType=DELIMITED}). Empty pieces (a leading, trailing or doubled delimiter) are
 * not records and are left out.
 *
 * <p>Stateless; thread-safe.
 */
public final class DelimitedSplitter {

    private DelimitedSplitter() {
    }

    /**
     * @param delimiter at least one byte
     * @param maxPieces the most pieces one record may hold
     * @throws MalformedRecordException when there are more pieces than {@code maxPieces}
     */
    public static List<byte[]> split(byte[] data, byte[] delimiter, int maxPieces) throws MalformedRecordException {
        if (delimiter.length == 0) {
            throw new IllegalArgumentException("empty delimiter");
        }
        List<byte[]> pieces = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i <= data.length - delimiter.length) {
            if (matchesAt(data, i, delimiter)) {
                add(pieces, data, start, i, maxPieces);
                i += delimiter.length;
                start = i;
            } else {
                i++;
            }
        }
        add(pieces, data, start, data.length, maxPieces);
        return pieces;
    }

    private static boolean matchesAt(byte[] data, int at, byte[] delimiter) {
        for (int k = 0; k < delimiter.length; k++) {
            if (data[at + k] != delimiter[k]) {
                return false;
            }
        }
        return true;
    }

    private static void add(List<byte[]> pieces, byte[] data, int from, int to, int maxPieces)
            throws MalformedRecordException {
        if (to == from) {
            return;
        }
        if (pieces.size() == maxPieces) {
            throw new MalformedRecordException("the record holds more than " + maxPieces + " delimited records");
        }
        pieces.add(Arrays.copyOfRange(data, from, to));
    }
}
