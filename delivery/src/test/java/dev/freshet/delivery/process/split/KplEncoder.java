package dev.freshet.delivery.process.split;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Writes KPL aggregated records as the KPL does, for tests. Not thread-safe. */
public final class KplEncoder {

    private final List<String> partitionKeys = new ArrayList<>();
    private final ByteArrayOutputStream records = new ByteArrayOutputStream();

    /** Adds a user record (its partition key is added to the table once). */
    public KplEncoder add(String partitionKey, byte[] data) {
        int index = partitionKeys.indexOf(partitionKey);
        if (index < 0) {
            index = partitionKeys.size();
            partitionKeys.add(partitionKey);
        }
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        tag(record, 1, 0);
        varint(record, index);
        lengthDelimited(record, 3, data);
        lengthDelimited(records, 3, record.toByteArray());
        return this;
    }

    /** The protobuf body alone (no magic, no MD5). */
    public byte[] body() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String key : partitionKeys) {
            lengthDelimited(body, 1, key.getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(records.toByteArray());
        return body.toByteArray();
    }

    public byte[] encode() {
        return frame(body());
    }

    /** Magic + body + MD5 of the body. */
    public static byte[] frame(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(KplAggregatedRecord.MAGIC);
        out.writeBytes(body);
        out.writeBytes(KplAggregatedRecord.md5(body, 0, body.length));
        return out.toByteArray();
    }

    private static void lengthDelimited(ByteArrayOutputStream out, int field, byte[] bytes) {
        tag(out, field, 2);
        varint(out, bytes.length);
        out.writeBytes(bytes);
    }

    private static void tag(ByteArrayOutputStream out, int field, int wireType) {
        varint(out, (long) field << 3 | wireType);
    }

    private static void varint(ByteArrayOutputStream out, long value) {
        while ((value & ~0x7FL) != 0) {
            out.write((int) (value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out.write((int) value);
    }
}
