package dev.freshet.delivery.process.jq;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.InputStream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * jq 1.6's own answers for random strftime formats and epochs, and for strptime|mktime of the
 * formatted texts (resource {@code jq/jq16-date-vectors.json}, made with the jq 1.6 binary).
 */
class Jq16DateVectorsTest {

    @Test
    void strftimeAndStrptimeAnswerAsJq16() throws Exception {
        JsonNode vectors;
        try (InputStream in = getClass().getResourceAsStream("/jq/jq16-date-vectors.json")) {
            vectors = new ObjectMapper().readTree(in);
        }
        SoftAssertions softly = new SoftAssertions();
        for (JsonNode v : vectors.get("strftime")) {
            String query = v.get("e").asLong() + "|strftime(" + TextNode.valueOf(v.get("f").asText()) + ")";
            softly.assertThat(JqDateFunctionsTest.run(query).asText()).as(query).isEqualTo(v.get("s").asText());
        }
        for (JsonNode v : vectors.get("strptime")) {
            String query = TextNode.valueOf(v.get("s").asText()) + "|strptime(" + TextNode.valueOf(v.get("f").asText())
                + ")|mktime";
            softly.assertThat(JqDateFunctionsTest.run(query).asLong()).as(query).isEqualTo(v.get("t").asLong());
        }
        softly.assertAll();
        assertThat(vectors.get("strftime").size() + vectors.get("strptime").size()).isGreaterThan(400);
    }
}
