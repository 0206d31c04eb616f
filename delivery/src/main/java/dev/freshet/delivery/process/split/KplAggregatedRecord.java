package dev.freshet.delivery.process.split;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Decodes a Kinesis Producer Library aggregated record into its user records.
 *
 * <pre>
 * +----------------+-----------------------------------------+------------------------+
 * | F3 89 9A C2    | AggregatedRecord (protobuf)             | MD5 of the protobuf    |
 * | magic, 4 bytes | …                                       | 16 bytes               |
 * +----------------+-----------------------------------------+------------------------+
 *
 * message AggregatedRecord {
 *   repeated string partition_key_table     = 1;
 *   repeated string explicit_hash_key_table = 2;
 *   repeated Record records                 = 3;
 * }
 * message Record {
 *   required uint64 partition_key_index     = 1;
 *   optional uint64 explicit_hash_key_index = 2;
 *   required bytes  data                    = 3;
 *   repeated Tag    tags                    = 4;
 * }
 * message Tag { required string key = 1; optional string value = 2; }
 * </pre>
 *
 * As the KCL does, a record without the magic or whose MD5 does not match is not aggregated and
 * is delivered as it is ({@link #decode} answers empty). A record with the magic and a matching
 * MD5 whose protobuf is malformed (truncated fields, an index outside its table, a required field
 * missing) is refused with {@link MalformedRecordException}: it claims to be aggregated and is not.
 *
 * <p>A hand-written decoder rather than protobuf-java: the schema is three fixed messages, and
 * about a hundred checked lines avoid a 2 MB dependency plus generated code for them.
 *
 * <p>Stateless; thread-safe.
 */
public final class KplAggregatedRecord {

    static final byte[] MAGIC = {(byte) 0xF3, (byte) 0x89, (byte) 0x9A, (byte) 0xC2};
    static final int DIGEST_LENGTH = 16;

    /** One user record of an aggregated record. */
    public record UserRecord(String partitionKey, String explicitHashKey, byte[] data) {
    }

    private KplAggregatedRecord() {
    }

    /**
     * @return the user records in order, or empty when {@code data} is not an aggregated record
     * @throws MalformedRecordException when it has the magic and the MD5 but a malformed body
     */
    public static Optional<List<UserRecord>> decode(byte[] data) throws MalformedRecordException {
        int bodyLength = data.length - MAGIC.length - DIGEST_LENGTH;
        if (bodyLength < 0 || !Arrays.equals(data, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            return Optional.empty();
        }
        byte[] digest = md5(data, MAGIC.length, bodyLength);
        if (!Arrays.equals(digest, 0, DIGEST_LENGTH, data, data.length - DIGEST_LENGTH, data.length)) {
            return Optional.empty();
        }
        return Optional.of(parse(new ProtobufReader(data, MAGIC.length, bodyLength)));
    }

    private static List<UserRecord> parse(ProtobufReader message) throws MalformedRecordException {
        List<String> partitionKeys = new ArrayList<>();
        List<String> hashKeys = new ArrayList<>();
        List<long[]> indexes = new ArrayList<>();
        List<byte[]> payloads = new ArrayList<>();
        while (!message.atEnd()) {
            int tag = message.readTag();
            switch (tag >>> 3) {
                case 1 -> {
                    ProtobufReader.expect(tag, ProtobufReader.LENGTH_DELIMITED);
                    partitionKeys.add(message.readString());
                }
                case 2 -> {
                    ProtobufReader.expect(tag, ProtobufReader.LENGTH_DELIMITED);
                    hashKeys.add(message.readString());
                }
                case 3 -> {
                    ProtobufReader.expect(tag, ProtobufReader.LENGTH_DELIMITED);
                    readRecord(message.readMessage(), indexes, payloads);
                }
                default -> message.skip(tag & 7);
            }
        }
        List<UserRecord> records = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            long[] index = indexes.get(i);
            records.add(new UserRecord(lookup(partitionKeys, index[0], "partition_key_index"),
                index[1] < 0 ? null : lookup(hashKeys, index[1], "explicit_hash_key_index"), payloads.get(i)));
        }
        return records;
    }

    private static void readRecord(ProtobufReader record, List<long[]> indexes, List<byte[]> payloads)
            throws MalformedRecordException {
        long partitionKeyIndex = -1;
        long hashKeyIndex = -1;
        byte[] data = null;
        while (!record.atEnd()) {
            int tag = record.readTag();
            switch (tag >>> 3) {
                case 1 -> {
                    ProtobufReader.expect(tag, ProtobufReader.VARINT);
                    partitionKeyIndex = unsigned(record.readVarint(), "partition_key_index");
                }
                case 2 -> {
                    ProtobufReader.expect(tag, ProtobufReader.VARINT);
                    hashKeyIndex = unsigned(record.readVarint(), "explicit_hash_key_index");
                }
                case 3 -> {
                    ProtobufReader.expect(tag, ProtobufReader.LENGTH_DELIMITED);
                    data = record.readBytes();
                }
                case 4 -> {
                    ProtobufReader.expect(tag, ProtobufReader.LENGTH_DELIMITED);
                    checkTag(record.readMessage());
                }
                default -> record.skip(tag & 7);
            }
        }
        if (partitionKeyIndex < 0 || data == null) {
            throw new MalformedRecordException("a Record lacks its required partition_key_index or data");
        }
        indexes.add(new long[] {partitionKeyIndex, hashKeyIndex});
        payloads.add(data);
    }

    /** Tags are not delivered, but a Tag without its required key makes the record malformed. */
    private static void checkTag(ProtobufReader tag) throws MalformedRecordException {
        boolean hasKey = false;
        while (!tag.atEnd()) {
            int field = tag.readTag();
            if (field >>> 3 == 1 || field >>> 3 == 2) {
                ProtobufReader.expect(field, ProtobufReader.LENGTH_DELIMITED);
                tag.readString();
                hasKey |= field >>> 3 == 1;
            } else {
                tag.skip(field & 7);
            }
        }
        if (!hasKey) {
            throw new MalformedRecordException("a Tag lacks its required key");
        }
    }

    private static long unsigned(long value, String field) throws MalformedRecordException {
        if (value < 0) {
            throw new MalformedRecordException(field + " is out of range");
        }
        return value;
    }

    private static String lookup(List<String> table, long index, String field) throws MalformedRecordException {
        if (index >= table.size()) {
            throw new MalformedRecordException(field + " " + index + " is outside its table of " + table.size());
        }
        return table.get((int) index);
    }

    static byte[] md5(byte[] data, int offset, int length) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update(data, offset, length);
            return md5.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
    }
}
