package dev.freshet.web.protocol;

import static dev.freshet.web.protocol.Bodies.hex;
import static dev.freshet.web.protocol.Bodies.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.freshet.web.protocol.ProtocolException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestDecoderTest {

    @ParameterizedTest
    @EnumSource(WireFormat.class)
    void emptyBodyIsAnEmptyStructure(WireFormat format) {
        Input input = RequestDecoder.decode(format, new byte[0]);
        assertThat(input.node().isEmpty()).isTrue();
        assertThat(input.format()).isEqualTo(format);
        assertThat(RequestDecoder.decode(format, null).node().isEmpty()).isTrue();
    }

    @Test
    void blankJsonIsAnEmptyStructure() {
        assertThat(RequestDecoder.decode(WireFormat.JSON, json("  \n ")).node().isEmpty()).isTrue();
    }

    @Test
    void decodesAnOffsetSliceOfTheBuffer() {
        byte[] framed = "xx{'StreamName':'s'}yy".replace('\'', '"').getBytes(StandardCharsets.UTF_8);
        Input input = RequestDecoder.decode(WireFormat.JSON, framed, 2, framed.length - 4);
        assertThat(input.string("StreamName")).contains("s");
    }

    /** PutRecord as the Java SDK writes it: indefinite map, 10-byte byte string, tag 1 + integer millis. */
    @Test
    void decodesCborTheWayTheJavaSdkWritesIt() {
        byte[] body = hex("bf"
                + "6a 53747265616d4e616d65 63 666f6f"           // "StreamName": "foo"
                + "64 44617461 4a 00010203040506070809"         // "Data": h'00..09'
                + "69 54696d657374616d70 c1 1b 0000018bcfe568 7b" // "Timestamp": 1(1700000000123)
                + "ff");
        Input input = RequestDecoder.decode(WireFormat.CBOR, body);
        assertThat(input.string("StreamName")).contains("foo");
        assertThat(input.blob("Data")).hasValueSatisfying(data -> assertThat(data).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
        assertThat(input.timestamp("Timestamp")).contains(Instant.ofEpochMilli(1700000000123L));
    }

    @Test
    void decodesIndefiniteLengthArraysOfIndefiniteMaps() {
        byte[] body = hex("bf 67 5265636f726473 9f"                     // "Records": [_
                + "bf 6c 506172746974696f6e4b6579 61 61 64 44617461 41 ff ff"  // {_ "PartitionKey":"a","Data":h'ff'}
                + "bf 6c 506172746974696f6e4b6579 61 62 64 44617461 40 ff"     // {_ "PartitionKey":"b","Data":h''}
                + "ff ff");
        List<Input> records = RequestDecoder.decode(WireFormat.CBOR, body).structures("Records");
        assertThat(records).extracting(r -> r.string("PartitionKey").orElseThrow()).containsExactly("a", "b");
        assertThat(records.get(0).blob("Data").orElseThrow()).containsExactly(0xff);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "'text'", "12", "true", "null", "[{}]"})
    void refusesATopLevelThatIsNotAnObject(String body) {
        ProtocolException e = refusal(WireFormat.JSON, json(body));
        assertThat(e.reason()).isEqualTo(Reason.MALFORMED_BODY);
    }

    @Test
    void aTopLevelListIsWordedAsTheService() {
        assertThat(refusal(WireFormat.JSON, json("[1]")).error().message())
                .isEqualTo("Start of list found where not expected");
        assertThat(refusal(WireFormat.CBOR, hex("80")).error().message())
                .isEqualTo("Start of list found where not expected");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{'a':}", "{'a' 1}", "{a:1}", "{'a':1,}", "{'a':NaN}", "{'a':01}", "hello"})
    void refusesMalformedJson(String body) {
        assertThat(refusal(WireFormat.JSON, json(body)).reason()).isEqualTo(Reason.MALFORMED_BODY);
    }

    @Test
    void refusesMalformedCbor() {
        assertThat(refusal(WireFormat.CBOR, hex("bf 61 54 c1 1b 0000")).reason()).isEqualTo(Reason.MALFORMED_BODY);
        assertThat(refusal(WireFormat.CBOR, hex("a1 61 41 62 ff fe")).reason()).isEqualTo(Reason.MALFORMED_BODY);
        assertThat(refusal(WireFormat.CBOR, hex("a1 80 01")).reason()).isEqualTo(Reason.MALFORMED_BODY);
        assertThat(refusal(WireFormat.CBOR, hex("ff")).reason()).isEqualTo(Reason.MALFORMED_BODY);
    }

    @Test
    void refusesTrailingData() {
        assertThat(refusal(WireFormat.JSON, json("{} {}")).error().message()).startsWith("Trailing data");
        assertThat(refusal(WireFormat.JSON, json("{} x")).reason()).isEqualTo(Reason.MALFORMED_BODY);
        assertThat(refusal(WireFormat.CBOR, hex("a0 00")).error().message()).startsWith("Trailing data");
        assertThat(refusal(WireFormat.CBOR, hex("a0 ff")).reason()).isEqualTo(Reason.MALFORMED_BODY);
    }

    @Test
    void refusesDuplicateMembers() {
        assertThat(refusal(WireFormat.JSON, json("{'A':1,'A':2}")).error().message())
                .isEqualTo("Duplicate member 'A' in request body");
        assertThat(refusal(WireFormat.CBOR, hex("a2 61 41 01 61 41 02")).reason()).isEqualTo(Reason.MALFORMED_BODY);
        assertThat(refusal(WireFormat.JSON, json("{'a':{'b':1,'b':1}}")).reason()).isEqualTo(Reason.MALFORMED_BODY);
    }

    @Test
    void refusesDeepNesting() {
        String deep = "{'a':" + "[".repeat(100) + "]".repeat(100) + "}";
        assertThat(refusal(WireFormat.JSON, json(deep)).reason()).isEqualTo(Reason.LIMIT_EXCEEDED);
        byte[] deepCbor = hex("a1 61 41" + "81".repeat(100) + "00");
        ProtocolException e = refusal(WireFormat.CBOR, deepCbor);
        assertThat(e.reason()).isEqualTo(Reason.LIMIT_EXCEEDED);
        assertThat(e.error().message()).startsWith("Request body exceeds a limit: ").doesNotContain("StreamReadConstraints");
    }

    @Test
    void refusesOverlongNumbers() {
        assertThat(refusal(WireFormat.JSON, json("{'Limit':" + "9".repeat(200) + "}")).reason())
                .isEqualTo(Reason.LIMIT_EXCEEDED);
    }

    @Test
    void everyRefusalIsASerializationExceptionWith400() {
        for (ProtocolException e : List.of(refusal(WireFormat.JSON, json("{")), refusal(WireFormat.CBOR, hex("80")),
                refusal(WireFormat.JSON, json("[" .repeat(200))))) {
            assertThat(e.error().type()).isEqualTo("SerializationException");
            assertThat(e.error().httpStatus()).isEqualTo(400);
        }
    }

    @Test
    void cborUndefinedReadsAsAbsent() {
        Input input = RequestDecoder.decode(WireFormat.CBOR, hex("a1 61 41 f7"));
        assertThat(input.has("A")).isFalse();
    }

    private static ProtocolException refusal(WireFormat format, byte[] body) {
        ProtocolException e = catchThrowableOfType(ProtocolException.class, () -> RequestDecoder.decode(format, body));
        assertThat(e).as("refused").isNotNull();
        return e;
    }
}
