package dev.freshet.delivery.process.jq;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import net.thisptr.jackson.jq.exception.JsonQueryException;

class JqDateFunctionsProperties {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Property(tries = 3000)
    void anyFormatStringFormatsOrFailsAsAQueryError(@ForAll("formats") String format,
            @ForAll @LongRange(min = -70_000_000_000L, max = 260_000_000_000L) long epoch) {
        String query = epoch + "|strftime(" + TextNode.valueOf(format) + ")";
        try {
            assertThat(JqDateFunctionsTest.run(query).isTextual()).isTrue();
        } catch (JsonQueryException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 3000)
    void anyInputAndFormatParsesOrFailsAsAQueryError(@ForAll("formats") String format, @ForAll("dates") String input) {
        String query = TextNode.valueOf(input) + "|strptime(" + TextNode.valueOf(format) + ")|mktime";
        try {
            assertThat(JqDateFunctionsTest.run(query).isNumber()).isTrue();
        } catch (JsonQueryException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 1000)
    void anyBrokenDownTimeMakesATimeOrFails(@ForAll("brokenDown") String array) throws Exception {
        JsonNode node = JSON.readTree(array);
        try {
            JqDateFunctionsTest.run(array + "|mktime");
            JqDateFunctionsTest.run(array + "|strftime(\"%c %j %U %V\")");
        } catch (JsonQueryException expected) {
            assertThat(node).isNotNull();
        }
    }

    @Property
    void todateAndFromdateRoundTrip(@ForAll @LongRange(min = -62_135_596_800L, max = 253_402_300_799L) long epoch)
            throws Exception {
        assertThat(JqDateFunctionsTest.run(epoch + "|todate|fromdate").asLong()).isEqualTo(epoch);
        assertThat(JqDateFunctionsTest.run(epoch + "|gmtime|mktime").asLong()).isEqualTo(epoch);
    }

    @Provide
    Arbitrary<String> formats() {
        return Arbitraries.strings().withChars("%%%%YmdHMSjbBaApIyezZsTFDRntcCuUVwWgGkl-:/ T0").ofMaxLength(12);
    }

    @Provide
    Arbitrary<String> dates() {
        return Arbitraries.oneOf(Arbitraries.strings().withChars("0123456789-:/ TZ+APMarJnuly").ofMaxLength(25),
            Arbitraries.longs().between(-1_000_000_000_000L, 1_000_000_000_000L).map(l -> Long.toString(l)));
    }

    @Provide
    Arbitrary<String> brokenDown() {
        Arbitrary<String> number = Arbitraries.oneOf(Arbitraries.integers().map(Object::toString),
            Arbitraries.doubles().map(Object::toString), Arbitraries.of("1e300", "-1e300", "\"x\"", "null"));
        return number.list().ofMaxSize(9).map(list -> "[" + String.join(",", list) + "]");
    }
}
