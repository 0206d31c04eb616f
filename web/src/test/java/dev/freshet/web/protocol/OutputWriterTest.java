package dev.freshet.web.protocol;

import static dev.freshet.web.protocol.Bodies.parseCbor;
import static dev.freshet.web.protocol.Bodies.parseJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputWriterTest {

    private static final Instant ARRIVAL = Instant.ofEpochMilli(1700000000123L);
    private static final byte[] DATA = {0, 1, 2, (byte) 0xff};

    @Test
    void jsonWritesBase64BlobsAndSecondsWithMillisecondFraction() {
        String body = new String(getRecords(WireFormat.JSON), StandardCharsets.UTF_8);
        assertThat(body).isEqualTo("{\"Records\":[{\"SequenceNumber\":\"49590338271490256608559692538361571095921575989136588898\","
                + "\"ApproximateArrivalTimestamp\":1700000000.123,\"Data\":\"AAEC/w==\",\"PartitionKey\":\"pk\"}],"
                + "\"NextShardIterator\":\"it\",\"MillisBehindLatest\":0,\"ChildShards\":[{\"ShardId\":\"shardId-000000000001\","
                + "\"ParentShards\":[\"shardId-000000000000\"]}]}");
    }

    @Test
    void cborWritesByteStringBlobsAndIntegerMillis() throws IOException {
        byte[] body = getRecords(WireFormat.CBOR);
        try (JsonParser parser = Bodies.PLAIN_CBOR.getFactory().createParser(body)) {
            assertThat(valueTokenOf(parser, "ApproximateArrivalTimestamp")).isEqualTo(JsonToken.VALUE_NUMBER_INT);
            assertThat(parser.getLongValue()).isEqualTo(1700000000123L);
            assertThat(valueTokenOf(parser, "Data")).isEqualTo(JsonToken.VALUE_EMBEDDED_OBJECT);
            assertThat(parser.getBinaryValue()).containsExactly(DATA);
        }
    }

    @Test
    void bothFormatsCarryTheSameDocument() throws IOException {
        JsonNode fromJson = parseJson(getRecords(WireFormat.JSON));
        JsonNode fromCbor = parseCbor(getRecords(WireFormat.CBOR));
        assertThat(fromCbor.get("Records").get(0).get("Data").binaryValue()).containsExactly(DATA);
        assertThat(fromJson.get("Records").get(0).get("Data").textValue()).isEqualTo("AAEC/w==");
        assertThat(fromCbor.get("NextShardIterator")).isEqualTo(fromJson.get("NextShardIterator"));
        assertThat(fromCbor.get("ChildShards")).isEqualTo(fromJson.get("ChildShards"));
    }

    @Test
    void blobsFromBufferSlicesHeapOrDirect() throws IOException {
        byte[] backing = {9, 9, 9, 1, 2, 3, 9};
        ByteBuffer heapSlice = ByteBuffer.wrap(backing, 3, 3).slice();
        ByteBuffer direct = ByteBuffer.allocateDirect(5).put(new byte[] {7, 1, 2, 3, 7});
        direct.position(1).limit(4);
        byte[] body = OutputWriter.create(WireFormat.CBOR).startObject()
                .blob("A", heapSlice).blob("B", direct).blob("C", backing, 3, 3).endObject().toByteArray();
        JsonNode tree = parseCbor(body);
        for (String name : List.of("A", "B", "C")) {
            assertThat(tree.get(name).binaryValue()).as(name).containsExactly(1, 2, 3);
        }
        assertThat(direct.position()).isEqualTo(1);
        assertThat(heapSlice.position()).isZero();
    }

    @Test
    void nullMembersAreOmitted() {
        byte[] body = OutputWriter.create(WireFormat.JSON).startObject().string("S", null).blob("B", (byte[]) null)
                .blob("C", (ByteBuffer) null).timestamp("T", null).number("N", (Long) null).endObject().toByteArray();
        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("{}");
    }

    @Test
    void timestampsBeforeTheEpochAndOnWholeSeconds() {
        byte[] body = OutputWriter.create(WireFormat.JSON).startObject()
                .timestamp("A", Instant.ofEpochMilli(-500)).timestamp("B", Instant.ofEpochSecond(1700000000))
                .timestamp("C", Instant.EPOCH).endObject().toByteArray();
        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("{\"A\":-0.500,\"B\":1700000000.000,\"C\":0.000}");
    }

    @Test
    void emptyObjectIsTheBodyOfOperationsWithoutOutputMembers() {
        assertThat(new String(OutputWriter.emptyObject(WireFormat.JSON), StandardCharsets.UTF_8)).isEqualTo("{}");
        assertThat(parseCbor(OutputWriter.emptyObject(WireFormat.CBOR)).isEmpty()).isTrue();
    }

    @Test
    void byteBufferViewSharesTheWrittenBytes() {
        OutputWriter writer = OutputWriter.create(WireFormat.JSON, 4).startObject().string("A", "x".repeat(100)).endObject();
        ByteBuffer view = writer.toByteBuffer();
        assertThat(view.hasArray()).isTrue();
        assertThat(view.arrayOffset()).isZero();
        assertThat(view.remaining()).isEqualTo(writer.size()).isEqualTo(108);
        assertThat(writer.toByteArray()).hasSize(108);
    }

    @Test
    void writesATenMebibyteGetRecordsAnswer() {
        byte[] payload = new byte[1024];
        OutputWriter writer = OutputWriter.create(WireFormat.CBOR).startObject().startArray("Records");
        for (int i = 0; i < 10240; i++) {
            writer.startObject().string("SequenceNumber", Integer.toString(i)).timestamp("ApproximateArrivalTimestamp", ARRIVAL)
                    .blob("Data", payload).string("PartitionKey", "pk").endObject();
        }
        ByteBuffer body = writer.endArray().number("MillisBehindLatest", 0).endObject().toByteBuffer();
        assertThat(body.remaining()).isGreaterThan(10 * 1024 * 1024);
        assertThat(parseCbor(body.array()).get("Records").size()).isEqualTo(10240);
    }

    private static byte[] getRecords(WireFormat format) {
        return OutputWriter.create(format).startObject()
                .startArray("Records").startObject()
                .string("SequenceNumber", "49590338271490256608559692538361571095921575989136588898")
                .timestamp("ApproximateArrivalTimestamp", ARRIVAL).blob("Data", DATA).string("PartitionKey", "pk")
                .endObject().endArray()
                .string("NextShardIterator", "it").number("MillisBehindLatest", 0L)
                .startArray("ChildShards").startObject().string("ShardId", "shardId-000000000001")
                .strings("ParentShards", List.of("shardId-000000000000")).endObject().endArray()
                .endObject().toByteArray();
    }

    private static JsonToken valueTokenOf(JsonParser parser, String name) throws IOException {
        JsonToken token;
        while ((token = parser.nextToken()) != null) {
            if (token == JsonToken.FIELD_NAME && parser.currentName().equals(name)) {
                return parser.nextToken();
            }
        }
        throw new AssertionError("no member " + name);
    }
}
