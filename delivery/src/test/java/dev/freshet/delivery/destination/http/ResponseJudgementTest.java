package dev.freshet.delivery.destination.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** How answers are judged, including whatever bytes an endpoint may send back. */
class ResponseJudgementTest {

    private static final String ID = "ed4acda5-034f-9f42-bba1-f29aea6d7d8f";
    private static final HttpHeaders JSON_TYPE = headers(Map.of("Content-Type", List.of("application/json")));

    @Test
    void aConformingOkIsADelivery() {
        assertThat(judge(200, JSON_TYPE, "{\"requestId\":\"" + ID + "\",\"timestamp\":1578090903599}").kind())
            .isEqualTo(AttemptOutcome.Kind.DELIVERED);
        HttpHeaders withCharset = headers(Map.of("Content-Type", List.of("application/json; charset=utf-8")));
        assertThat(judge(200, withCharset, "{\"requestId\":\"" + ID + "\",\"timestamp\":1,\"errorMessage\":\"\"}").kind())
            .isEqualTo(AttemptOutcome.Kind.DELIVERED);
    }

    @Test
    void okAnswersThatBreakTheSpecAreInvalidResponses() {
        HttpHeaders text = headers(Map.of("Content-Type", List.of("text/plain")));
        HttpHeaders encoded = headers(Map.of("Content-Type", List.of("application/json"),
            "Content-Encoding", List.of("gzip")));
        String ok = "{\"requestId\":\"" + ID + "\",\"timestamp\":1}";
        for (AttemptOutcome outcome : List.of(judge(200, text, ok), judge(200, encoded, ok),
                judge(200, JSON_TYPE, ""), judge(200, JSON_TYPE, "[]"),
                judge(200, JSON_TYPE, "{\"timestamp\":1}"),
                judge(200, JSON_TYPE, "{\"requestId\":null,\"timestamp\":1}"),
                judge(200, JSON_TYPE, "{\"requestId\":\"other\",\"timestamp\":1}"),
                judge(200, JSON_TYPE, ok + " trailing"),
                judge(200, JSON_TYPE, "{\"requestId\":\"" + ID + "\",\"timestamp\":1,\"status\":\"ok\"}"),
                judge(200, JSON_TYPE, "{\"requestId\":\"" + ID + "\",\"timestamp\":\"1578090903599\"}"))) {
            assertThat(outcome.kind()).isEqualTo(AttemptOutcome.Kind.RETRYABLE);
            assertThat(outcome.errorCode()).isEqualTo("HttpEndpoint.InvalidResponseFromDestination");
            assertThat(outcome.errorMessage()).startsWith("The response received from the specified endpoint is invalid. "
                + "Contact the owner of the endpoint to resolve the issue. Response for request " + ID + " ")
                .contains(". Raw response received: 200 ");
        }
        assertThat(judge(200, JSON_TYPE, "<html>").errorMessage()).isEqualTo("The response received from the "
            + "specified endpoint is invalid. Contact the owner of the endpoint to resolve the issue. Response for "
            + "request " + ID + " is not recognized as valid JSON or has unexpected fields. Raw response received: "
            + "200 <html>");
    }

    @Test
    void statusDecidesBetweenRetryAndGivingUp() {
        assertThat(judge(413, JSON_TYPE, "{}").kind()).isEqualTo(AttemptOutcome.Kind.PERMANENT);
        for (int status : new int[] {201, 204, 301, 302, 400, 401, 403, 404, 429, 500, 502, 503}) {
            AttemptOutcome outcome = judge(status, JSON_TYPE, "{\"requestId\":\"" + ID + "\",\"timestamp\":1}");
            assertThat(outcome.kind()).as("status %d", status).isEqualTo(AttemptOutcome.Kind.RETRYABLE);
            assertThat(outcome.errorMessage()).contains(String.valueOf(status));
        }
    }

    @Test
    void anOversizedAnswerIsResponseTooLarge() {
        AttemptOutcome outcome = HttpEndpointClient.judge(ID, 200, JSON_TYPE, new CappedBody(new byte[10], true));
        assertThat(outcome.errorCode()).isEqualTo("HttpEndpoint.ResponseTooLarge");
    }

    @Property(tries = 500)
    void anyAnswerIsJudgedWithoutThrowing(@ForAll("bodies") byte[] body, @ForAll @IntRange(min = 100, max = 599) int status) {
        AttemptOutcome outcome = HttpEndpointClient.judge(ID, status, JSON_TYPE, new CappedBody(body, false));
        if (outcome.kind() == AttemptOutcome.Kind.DELIVERED) {
            assertThat(status).isEqualTo(200);
            assertThat(new String(body, StandardCharsets.UTF_8)).contains(ID);
        } else {
            assertThat(outcome.errorCode()).startsWith("HttpEndpoint.");
            assertThat(outcome.errorMessage().length()).isLessThan(2_000);
        }
    }

    @Provide
    Arbitrary<byte[]> bodies() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(3_000);
        Arbitrary<byte[]> jsonish = Arbitraries.of("{", "}", "\"requestId\"", ":", "\"" + ID + "\"", ",", "\"timestamp\"",
            "1", "null", "[", "]", "\"", "\\u0000", "1e999", "-").list().ofMaxSize(20)
            .map(parts -> String.join("", parts).getBytes(StandardCharsets.UTF_8));
        return Arbitraries.oneOf(random, jsonish);
    }

    private static AttemptOutcome judge(int status, HttpHeaders headers, String body) {
        return HttpEndpointClient.judge(ID, status, headers, new CappedBody(body.getBytes(StandardCharsets.UTF_8), false));
    }

    private static HttpHeaders headers(Map<String, List<String>> map) {
        return HttpHeaders.of(map, (name, value) -> true);
    }
}
