package dev.freshet.web.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import software.amazon.awssdk.eventstream.Message;
import software.amazon.awssdk.eventstream.MessageDecoder;

/** What the writers produce always parses back, with the same values. */
class OutputRoundTripTest {

    private static final char REPLACEMENT = (char) 0xFFFD;

    record Record(String sequenceNumber, String partitionKey, byte[] data, Instant arrival, long millisBehind) {
    }

    @Property(tries = 500)
    void writerOutputReparsesWithTheSameValues(@ForAll("records") @Size(max = 20) List<Record> records,
            @ForAll WireFormat format) {
        JsonNode tree = reparse(format, write(format, records));
        assertThat(tree.get("Records").size()).isEqualTo(records.size());
        for (int i = 0; i < records.size(); i++) {
            Record expected = records.get(i);
            JsonNode actual = tree.get("Records").get(i);
            assertThat(actual.get("SequenceNumber").textValue()).isEqualTo(expected.sequenceNumber());
            assertThat(actual.get("PartitionKey").textValue()).isEqualTo(expectedText(format, expected.partitionKey()));
            assertThat(blob(format, actual.get("Data"))).containsExactly(expected.data());
            assertThat(timestamp(format, actual.get("ApproximateArrivalTimestamp"))).isEqualTo(expected.arrival());
            assertThat(actual.get("MillisBehindLatest").longValue()).isEqualTo(expected.millisBehind());
        }
    }

    @Property(tries = 500)
    void eventStreamFramesDecodeWithTheSdkDecoder(@ForAll("eventTypes") String eventType,
            @ForAll @Size(max = 2000) byte[] payload, @ForAll WireFormat format, @ForAll boolean exception) {
        ByteBuffer frame = exception ? EventStreamEncoder.exception(eventType, payload, format)
                : EventStreamEncoder.event(eventType, payload, format);
        MessageDecoder decoder = new MessageDecoder();
        decoder.feed(frame);
        List<Message> messages = decoder.getDecodedMessages();
        assertThat(messages).hasSize(1);
        Map<String, String> headers = Map.of(
                ":message-type", exception ? "exception" : "event",
                exception ? ":exception-type" : ":event-type", eventType,
                ":content-type", format.contentType());
        assertThat(messages.get(0).getHeaders()).hasSize(3);
        headers.forEach((name, value) -> assertThat(messages.get(0).getHeaders().get(name).getString()).isEqualTo(value));
        assertThat(messages.get(0).getPayload()).containsExactly(payload);
    }

    @Provide
    Arbitrary<List<Record>> records() {
        Arbitrary<String> sequence = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(56);
        Arbitrary<String> key = Arbitraries.strings().all().ofMinLength(1).ofMaxLength(256);
        Arbitrary<byte[]> data = Arbitraries.bytes().array(byte[].class).ofMaxSize(3000);
        Arbitrary<Instant> arrival = Arbitraries.longs().between(-62_135_596_800_000L, 253_402_300_799_999L)
                .map(Instant::ofEpochMilli);
        Arbitrary<Long> behind = Arbitraries.longs().greaterOrEqual(0);
        return Combinators.combine(sequence, key, data, arrival, behind).as(Record::new).list();
    }

    @Provide
    Arbitrary<String> eventTypes() {
        return Arbitraries.oneOf(Arbitraries.of("initial-response", "SubscribeToShardEvent", "ResourceNotFoundException"),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(200));
    }

    private static byte[] write(WireFormat format, List<Record> records) {
        OutputWriter writer = OutputWriter.create(format).startObject().startArray("Records");
        for (Record record : records) {
            writer.startObject().string("SequenceNumber", record.sequenceNumber())
                    .timestamp("ApproximateArrivalTimestamp", record.arrival())
                    .blob("Data", ByteBuffer.wrap(record.data())).string("PartitionKey", record.partitionKey())
                    .number("MillisBehindLatest", record.millisBehind()).endObject();
        }
        return writer.endArray().endObject().toByteArray();
    }

    private static JsonNode reparse(WireFormat format, byte[] body) {
        return format == WireFormat.JSON ? Bodies.parseJson(body) : Bodies.parseCbor(body);
    }

    private static byte[] blob(WireFormat format, JsonNode node) {
        if (format == WireFormat.CBOR) {
            assertThat(node.isBinary()).as("CBOR blob is a byte string").isTrue();
            return ((com.fasterxml.jackson.databind.node.BinaryNode) node).binaryValue();
        }
        return Base64.getDecoder().decode(node.textValue());
    }

    private static Instant timestamp(WireFormat format, JsonNode node) {
        if (format == WireFormat.CBOR) {
            assertThat(node.isIntegralNumber()).as("CBOR timestamp is an integer").isTrue();
            return Instant.ofEpochMilli(node.longValue());
        }
        return Instant.ofEpochMilli(node.decimalValue().movePointRight(3).longValueExact());
    }

    /** CBOR text is UTF-8: a lone surrogate comes back as U+FFFD. JSON escapes it and keeps it. */
    private static String expectedText(WireFormat format, String text) {
        if (format == WireFormat.JSON) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                out.append(c).append(text.charAt(++i));
            } else {
                out.append(Character.isSurrogate(c) ? REPLACEMENT : c);
            }
        }
        return out.toString();
    }
}
