package dev.freshet.web.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Decoding a JSON body along the operation's model ({@link JsonModelReader}) and decoding it plain
 * end the same way once validated: the same input tree, or the same error (reason, type, message).
 * Bodies are PutRecord/PutRecords requests with blobs canonical, almost canonical, escaped or of
 * other types, and the same bodies with bytes mutated.
 */
class JsonModelReaderPropertyTest {

    @Property(tries = 3000)
    void randomPutRecordsBodiesEndAsOnThePlainPath(@ForAll("putRecordsBodies") String body) {
        assertSameOutcome("PutRecords", body.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 3000)
    void mutatedPutRecordsBodiesEndAsOnThePlainPath(@ForAll("putRecordsBodies") String body,
            @ForAll("mutations") List<ProtocolRobustnessTest.Mutation> mutations) {
        assertSameOutcome("PutRecords", ProtocolRobustnessTest.Mutation.applyAll(body.getBytes(StandardCharsets.UTF_8), mutations));
    }

    @Property(tries = 1000)
    void putRecordBodiesEndAsOnThePlainPath(@ForAll("records") String record,
            @ForAll("mutations") List<ProtocolRobustnessTest.Mutation> mutations) {
        byte[] body = ("{\"StreamName\":\"s\"," + record.substring(1)).getBytes(StandardCharsets.UTF_8);
        assertSameOutcome("PutRecord", body);
        assertSameOutcome("PutRecord", ProtocolRobustnessTest.Mutation.applyAll(body, mutations));
    }

    private static void assertSameOutcome(String operationName, byte[] body) {
        OperationModel operation = KinesisOperations.find(operationName).orElseThrow();
        String plain = outcome(operation, RequestDecoder::decode, body);
        String model = outcome(operation, (format, bytes) -> RequestDecoder.decode(format, bytes, operation.input()), body);
        Statistics.collect(plain.substring(0, plain.indexOf(' ')));
        assertThat(model).isEqualTo(plain);
    }

    private static String outcome(OperationModel operation, Decoder decoder, byte[] body) {
        try {
            Input input = decoder.decode(WireFormat.JSON, body);
            operation.validate(input);
            return "VALID " + input.node();
        } catch (ProtocolException e) {
            return e.reason() + " " + e.error().type() + " " + e.error().httpStatus() + " " + e.error().message();
        }
    }

    @FunctionalInterface
    private interface Decoder {
        Input decode(WireFormat format, byte[] body);
    }

    // ---- generators --------------------------------------------------------------------------

    @Provide
    Arbitrary<String> putRecordsBodies() {
        Arbitrary<String> records = records().list().ofMaxSize(6).map(list -> "[" + String.join(",", list) + "]");
        Arbitrary<String> recordsValue = Arbitraries.frequencyOf(
                Tuple.of(8, records), Tuple.of(1, otherValues()));
        Arbitrary<String> streamName = Arbitraries.frequency(Tuple.of(12, "\"s\""), Tuple.of(1, "\"bad name\""),
                Tuple.of(1, "1"), Tuple.of(1, "null"), Tuple.of(1, "\"\""));
        Arbitrary<String> extra = Arbitraries.of("", ",\"Extra\":{\"Data\":\"AAAA\"}", ",\"StreamARN\":null", ",\"Data\":\"AAAA\"");
        return Combinators.combine(streamName, recordsValue, extra)
                .as((name, list, more) -> "{\"StreamName\":" + name + ",\"Records\":" + list + more + "}");
    }

    @Provide
    Arbitrary<String> records() {
        Arbitrary<String> data = Arbitraries.frequencyOf(
                Tuple.of(60, canonicalBase64().map(JsonModelReaderPropertyTest::quote)),
                Tuple.of(4, nearBase64().map(JsonModelReaderPropertyTest::quote)),
                Tuple.of(1, otherValues()));
        Arbitrary<String> partitionKey = Arbitraries.frequency(Tuple.of(40, "\"k\""), Tuple.of(2, "\"\\u00e9\""),
                Tuple.of(1, "\"\""), Tuple.of(1, "7"), Tuple.of(1, "null"), Tuple.of(1, "[]"),
                Tuple.of(1, "\"" + "p".repeat(257) + "\""));
        Arbitrary<String> hashKey = Arbitraries.of("", ",\"ExplicitHashKey\":\"123\"", ",\"ExplicitHashKey\":\"01\"");
        Arbitrary<Boolean> dataFirst = Arbitraries.of(true, false);
        return Combinators.combine(data, partitionKey, hashKey, dataFirst).as((d, k, h, first) -> first
                ? "{\"Data\":" + d + ",\"PartitionKey\":" + k + h + "}"
                : "{\"PartitionKey\":" + k + h + ",\"Data\":" + d + "}");
    }

    @Provide
    Arbitrary<List<ProtocolRobustnessTest.Mutation>> mutations() {
        Byte[] interesting = {'"', '\\', '=', '+', '/', 'A', ' ', '{', '}', '[', ']', ',', ':', 'u', (byte) 0xc3, 0x01};
        return Combinators.combine(Arbitraries.of(ProtocolRobustnessTest.Mutation.Kind.values()),
                        Arbitraries.doubles().between(0, 1), Arbitraries.oneOf(Arbitraries.bytes(), Arbitraries.of(interesting)),
                        Arbitraries.integers().between(1, 8))
                .as(ProtocolRobustnessTest.Mutation::new).list().ofMinSize(1).ofMaxSize(3);
    }

    private static Arbitrary<String> canonicalBase64() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(40).map(Base64.getEncoder()::encodeToString);
    }

    /** Canonical base64 with one edit: a character out of the alphabet, an escape, padding or unused bits. */
    private static Arbitrary<String> nearBase64() {
        Arbitrary<String> insert = Arbitraries.of("=", "==", "===", " ", "\\u0041", "\\/", "\\n", "-", "_", "é", "\\\"",
                "A", "AA", "AAA", "Ab==", "Q=", "x");
        return Combinators.combine(canonicalBase64(), insert, Arbitraries.doubles().between(0, 1))
                .as((text, edit, where) -> {
                    int at = (int) (where * text.length());
                    return text.substring(0, at) + edit + text.substring(at);
                });
    }

    private static Arbitrary<String> otherValues() {
        return Arbitraries.of("null", "1", "-2.5e3", "true", "[]", "[\"AAAA\"]", "{}", "{\"a\":\"AAAA\"}");
    }

    private static String quote(String text) {
        return "\"" + text + "\"";
    }
}
