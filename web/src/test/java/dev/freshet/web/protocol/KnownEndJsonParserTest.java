package dev.freshet.web.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KnownEndJsonParserTest {

    @Test
    void stepsPastAStringItIsToldTheEndOfAndReadsOnAsJacksonDoes() throws IOException {
        byte[] body = bytes("{\"Data\":\"AAECAw==\",\"PartitionKey\":\"k\",\"N\":7}");
        try (KnownEndJsonParser parser = parse(body)) {
            assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            assertThat(parser.nextFieldName()).isEqualTo("Data");
            assertThat(parser.nextToken()).isEqualTo(JsonToken.VALUE_STRING);
            int quote = parser.unreadStringStart();
            assertThat(quote).isEqualTo(8);
            parser.skipStringEndingAt(quote + 9);
            assertThat(parser.unreadStringStart()).isEqualTo(-1);
            assertThat(parser.nextFieldName()).isEqualTo("PartitionKey");
            assertThat(parser.nextTextValue()).isEqualTo("k");
            assertThat(parser.nextFieldName()).isEqualTo("N");
            assertThat(parser.nextToken()).isEqualTo(JsonToken.VALUE_NUMBER_INT);
            assertThat(parser.currentLocation().getByteOffset()).isEqualTo(body.length - 1);
            assertThat(parser.nextToken()).isEqualTo(JsonToken.END_OBJECT);
            assertThat(parser.nextToken()).isNull();
        }
    }

    @Test
    void refusesAnEndThatIsNotTheStringsClosingQuoteOrAStringAlreadyRead() throws IOException {
        byte[] body = bytes("{\"Data\":\"AAECAw==\"}");
        try (KnownEndJsonParser parser = parse(body)) {
            parser.nextToken();
            parser.nextFieldName();
            parser.nextToken();
            int quote = parser.unreadStringStart();
            assertThatThrownBy(() -> parser.skipStringEndingAt(quote + 8)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> parser.skipStringEndingAt(quote - 1)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> parser.skipStringEndingAt(body.length)).isInstanceOf(IllegalStateException.class);
            assertThat(parser.getText()).isEqualTo("AAECAw==");
            assertThatThrownBy(() -> parser.skipStringEndingAt(quote + 9)).isInstanceOf(IllegalStateException.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"\uFEFF{\"a\":1}", "[1]", "\"x\""})
    void leavesBodiesThatAreNotPlainlyAUtf8ObjectToJacksonsOwnParser(String text) throws IOException {
        try (JsonParser parser = WireFormat.JSON.mapper().getFactory().createParser(bytes(text))) {
            assertThat(parser).isNotInstanceOf(KnownEndJsonParser.class);
            assertThat(parser.nextToken()).isNotNull();
        }
    }

    @Test
    void aBodyPastTheDocumentLimitIsRefusedAsByJackson() {
        // the factory keeps the mapper's constraints: an over-deep body fails the same way
        String deep = "{\"a\":".repeat(JacksonSetup.MAX_NESTING_DEPTH + 1) + "1" + "}".repeat(JacksonSetup.MAX_NESTING_DEPTH + 1);
        assertThatThrownBy(() -> WireFormat.JSON.mapper().readTree(bytes(deep)))
                .hasMessageContaining("Document nesting depth");
    }

    private static KnownEndJsonParser parse(byte[] body) throws IOException {
        return (KnownEndJsonParser) WireFormat.JSON.mapper().getFactory().createParser(body);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
