package dev.freshet.bench.firehose;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The generator's records: fixed-size lines that carry the time they were sent and a serial
 * number, so a delivered object (records concatenated without delimiters, as Firehose writes
 * them) can be cut back into records and each one's freshness measured.
 *
 * <pre>
 *   record = epoch-micros (16 digits) ' ' serial (12 digits) ' ' 'x'… '\n'   (size bytes)
 * </pre>
 *
 * <p>For destinations that take JSON documents (OpenSearch) the same stamps go in a document of
 * the same size: {@code {"sent":<micros>,"serial":<n>,"pad":"x…"}}.
 *
 * <p>Stateless; thread-safe.
 */
final class StampedRecords {

    static final int HEADER = 16 + 1 + 12 + 1;

    private StampedRecords() {
    }

    static byte[] record(int size, long sentMicros, long serial) {
        byte[] record = new byte[size];
        Arrays.fill(record, (byte) 'x');
        byte[] header = String.format("%016d %012d ", sentMicros, serial).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, record, 0, header.length);
        record[size - 1] = '\n';
        return record;
    }

    static byte[] json(int size, long sentMicros, long serial) {
        String head = "{\"sent\":" + sentMicros + ",\"serial\":" + serial + ",\"pad\":\"";
        int pad = size - head.length() - 2;
        if (pad < 0) {
            throw new IllegalArgumentException("a JSON record needs at least " + (head.length() + 2) + " bytes");
        }
        return (head + "x".repeat(pad) + "\"}").getBytes(StandardCharsets.US_ASCII);
    }

    static long sentMicros(byte[] content, int offset) {
        return digits(content, offset, 16);
    }

    static long serial(byte[] content, int offset) {
        return digits(content, offset + 17, 12);
    }

    private static long digits(byte[] content, int offset, int count) {
        long value = 0;
        for (int i = offset; i < offset + count; i++) {
            int digit = content[i] - '0';
            if (digit < 0 || digit > 9) {
                throw new IllegalArgumentException("not a stamped record at offset " + offset);
            }
            value = value * 10 + digit;
        }
        return value;
    }
}
