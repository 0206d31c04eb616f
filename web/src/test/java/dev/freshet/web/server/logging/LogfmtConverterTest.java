package dev.freshet.web.server.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogfmtConverterTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "orders|orders",
        "shardId-000000000001|shardId-000000000001",
        "/tmp/a b|\"/tmp/a b\"",
        "say \"hi\"|\"say \\\"hi\\\"\"",
        "a=b|\"a=b\"",
        "C:\\data|\"C:\\\\data\"",
        "''|\"\""})
    void quotesOnlyWhatNeedsIt(String value, String expected) {
        StringBuilder line = new StringBuilder();
        LogfmtConverter.appendValue(line, value);
        assertThat(line.toString()).isEqualTo(expected);
    }

    @Test
    void escapesControlCharacters() {
        StringBuilder line = new StringBuilder();
        LogfmtConverter.appendValue(line, "line1\nline2\tend\u0001");
        assertThat(line.toString()).isEqualTo("\"line1\\nline2\\tend\\u0001\"");
    }
}
