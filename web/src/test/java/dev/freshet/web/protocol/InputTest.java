package dev.freshet.web.protocol;

import static dev.freshet.web.protocol.Bodies.decodeCbor;
import static dev.freshet.web.protocol.Bodies.decodeJson;
import static dev.freshet.web.protocol.Bodies.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.freshet.web.protocol.ProtocolException.Reason;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InputTest {

    // ---- timestamps ------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({
        "1616506576.795, 1616506576795",
        "1616506576, 1616506576000",
        "1.5, 1500",
        "-1.5, -1500",
        "0.0009, 0",
        "1700000000.1239, 1700000000123",
        "1e300, 9223372036854775807",
        "-1e300, -9223372036854775808",
        "99999999999999999999, 9223372036854775807",
    })
    void jsonTimestampsAreEpochSecondsTruncatedToMillis(String seconds, long millis) {
        Input input = decodeJson("{'T':" + seconds + "}");
        assertThat(input.timestamp("T")).contains(Instant.ofEpochMilli(millis));
    }

    @Test
    void cborTimestampsAreIntegerMillisTaggedOrNot() {
        Input tagged = RequestDecoder.decode(WireFormat.CBOR, hex("a1 61 54 c1 1b 0000018bcfe5687b"));
        Input untagged = RequestDecoder.decode(WireFormat.CBOR, hex("a1 61 54 1b 0000018bcfe5687b"));
        assertThat(tagged.timestamp("T")).contains(Instant.ofEpochMilli(1700000000123L));
        assertThat(untagged.timestamp("T")).contains(Instant.ofEpochMilli(1700000000123L));
    }

    @Test
    void cborFloatTimestampsAreEpochSeconds() {
        assertThat(decodeCbor("{'T':1616506576.795}").timestamp("T")).contains(Instant.ofEpochMilli(1616506576795L));
        Input tagged = RequestDecoder.decode(WireFormat.CBOR, hex("a1 61 54 c1 fb 41d8167bb432e148"));
        assertThat(tagged.timestamp("T")).contains(Instant.ofEpochMilli(1616506576795L));
    }

    @Test
    void timestampsRefuseStringsAndBooleansAsTheServiceDoes() {
        assertWrongType(decodeJson("{'T':'2021-03-23T13:36:16Z'}"), in -> in.timestamp("T"),
                "class java.lang.String can not be converted to milliseconds since epoch");
        assertWrongType(decodeJson("{'T':true}"), in -> in.timestamp("T"),
                "class java.lang.Boolean can not be converted to milliseconds since epoch");
        assertWrongType(decodeJson("{'T':[]}"), in -> in.timestamp("T"), "Start of list found where not expected");
        Input nan = RequestDecoder.decode(WireFormat.CBOR, hex("a1 61 54 f9 7e00"));
        assertWrongType(nan, in -> in.timestamp("T"), "class java.lang.Double can not be converted to milliseconds since epoch");
    }

    // ---- numbers ---------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({
        "10, 10", "10.9, 10", "-10.9, -10", "1e20, 2147483647", "-1e20, -2147483648",
        "99999999999999999999999, 2147483647", "100000000000, 2147483647",
    })
    void integersTruncateAndSaturate(String json, int expected) {
        assertThat(decodeJson("{'N':" + json + "}").integer("N")).contains(expected);
    }

    @Test
    void longsTruncateAndSaturate() {
        assertThat(decodeJson("{'N':100000000000}").longInteger("N")).contains(100000000000L);
        assertThat(decodeJson("{'N':99999999999999999999999}").longInteger("N")).contains(Long.MAX_VALUE);
        assertThat(decodeCbor("{'N':-7.99}").longInteger("N")).contains(-7L);
    }

    @Test
    void numbersRefuseOtherTypes() {
        assertWrongType(decodeJson("{'N':'23'}"), in -> in.integer("N"),
                "class java.lang.String can not be converted to an Integer");
        assertWrongType(decodeJson("{'N':true}"), in -> in.longInteger("N"),
                "class java.lang.Boolean can not be converted to an Long");
        assertWrongType(decodeJson("{'N':{}}"), in -> in.integer("N"),
                "Start of structure or map found where not expected.");
    }

    @Test
    void hugeCborDecimalFractionsAreRefusedNotComputed() {
        // 4([-2147483000, 1]): 1e-2147483000, which would take forever to truncate
        Input input = RequestDecoder.decode(WireFormat.CBOR, hex("a1 61 4e c4 82 3a 7fffff77 01"));
        assertWrongType(input, in -> in.integer("N"), "class java.math.BigDecimal can not be converted to an Integer");
    }

    // ---- strings and booleans -------------------------------------------------------------

    @Test
    void stringsRefuseOtherTypesAsTheServiceWordsIt() {
        assertWrongType(decodeJson("{'S':23}"), in -> in.string("S"),
                "class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be converted to an String");
        assertWrongType(decodeJson("{'S':false}"), in -> in.string("S"),
                "class java.lang.Boolean can not be converted to an String");
        assertWrongType(decodeJson("{'S':[]}"), in -> in.string("S"), "Start of list found where not expected");
    }

    @Test
    void booleansAcceptTrueAndFalseText() {
        assertThat(decodeJson("{'B':true}").bool("B")).contains(true);
        assertThat(decodeJson("{'B':'False'}").bool("B")).contains(false);
        assertWrongType(decodeJson("{'B':'hellowtf'}"), in -> in.bool("B"), "'HELLOWTF' can not be converted to an Boolean");
        assertWrongType(decodeJson("{'B':1}"), in -> in.bool("B"),
                "class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be converted to an Boolean");
    }

    // ---- blobs -----------------------------------------------------------------------------

    @Test
    void jsonBlobsAreBase64() {
        assertThat(decodeJson("{'D':'AAECAw=='}").blob("D").orElseThrow()).containsExactly(0, 1, 2, 3);
        assertThat(decodeJson("{'D':''}").blob("D").orElseThrow()).isEmpty();
    }

    @Test
    void cborBlobsAreByteStringsOrBase64Text() {
        assertThat(RequestDecoder.decode(WireFormat.CBOR, hex("a1 61 44 42 0102")).blob("D").orElseThrow())
                .containsExactly(1, 2);
        assertThat(decodeCbor("{'D':'AQI='}").blob("D").orElseThrow()).containsExactly(1, 2);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "23456 | '23456' can not be converted to a Blob: Base64 encoded length is expected a multiple of 4 bytes but found: 5",
        "=+/= | '=+/=' can not be converted to a Blob: Invalid Base64 character: '='",
        "+/+= | '+/+=' can not be converted to a Blob: Invalid last non-pad Base64 character dectected",
        "AB== | 'AB==' can not be converted to a Blob: Invalid last non-pad Base64 character dectected",
        "ab-_ | 'ab-_' can not be converted to a Blob: Invalid Base64 character: '-'",
        "a=bc | 'a=bc' can not be converted to a Blob: Invalid Base64 character: '='",
    })
    void invalidBase64IsRefusedWithTheServiceWording(String text, String message) {
        assertWrongType(decodeJson("{'D':'" + text + "'}"), in -> in.blob("D"), message);
    }

    @Test
    void blobsRefuseOtherTypes() {
        assertWrongType(decodeJson("{'D':12}"), in -> in.blob("D"),
                "class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be converted to a Blob");
        assertWrongType(decodeJson("{'D':true}"), in -> in.blob("D"), "class java.lang.Boolean can not be converted to a Blob");
    }

    // ---- containers ------------------------------------------------------------------------

    @Test
    void readsNestedStructuresListsAndMaps() {
        Input input = decodeJson("{'F':{'Type':'AT_LATEST'},'K':['a','b',null],'T':{'x':'1','y':'2'},'R':[{'P':'p'}]}");
        assertThat(input.structure("F").orElseThrow().string("Type")).contains("AT_LATEST");
        assertThat(input.strings("K")).containsExactly("a", "b");
        assertThat(input.stringMap("T")).containsExactly(Map.entry("x", "1"), Map.entry("y", "2"));
        assertThat(input.structures("R")).singleElement().satisfies(r -> assertThat(r.string("P")).contains("p"));
    }

    @Test
    void absentAndNullMembersReadAsAbsent() {
        Input input = decodeJson("{'A':null}");
        assertThat(input.has("A")).isFalse();
        assertThat(input.has("B")).isFalse();
        assertThat(input.string("A")).isEmpty();
        assertThat(input.strings("A")).isEmpty();
        assertThat(input.structures("B")).isEmpty();
        assertThat(input.stringMap("B")).isEmpty();
    }

    @Test
    void containersRefuseOtherTypes() {
        assertWrongType(decodeJson("{'L':'a'}"), in -> in.strings("L"), "Expected list or null");
        assertWrongType(decodeJson("{'L':{}}"), in -> in.strings("L"), "Start of structure or map found where not expected.");
        assertWrongType(decodeJson("{'M':3}"), in -> in.stringMap("M"), "Expected map or null");
        assertWrongType(decodeJson("{'M':[]}"), in -> in.stringMap("M"), "Start of list found where not expected");
        assertWrongType(decodeJson("{'S':'x'}"), in -> in.structure("S"), "Expected null");
        assertWrongType(decodeJson("{'S':[]}"), in -> in.structure("S"), "Start of list found where not expected");
    }

    private static void assertWrongType(Input input, Function<Input, ?> read, String message) {
        ProtocolException e = catchThrowableOfType(ProtocolException.class, () -> read.apply(input));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.reason()).isEqualTo(Reason.WRONG_TYPE);
        assertThat(e.error()).isEqualTo(AwsError.serialization(message));
    }
}
