package dev.freshet.delivery.process.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class LambdaResponseProperties {

    private static final List<String> IDS = List.of("a", "b");

    @Property(tries = 2000)
    void randomBytesAreRefusedAsJsonProcessingExceptions(@ForAll @Size(max = 200) byte[] body) {
        assertParsedOrRefused(body);
    }

    @Property(tries = 3000)
    void mutatedAnswersAreParsedCompletelyOrRefused(@ForAll("edits") List<int[]> edits) {
        byte[] body = ("{\"records\":[{\"recordId\":\"a\",\"result\":\"Ok\",\"data\":\"eA==\",\"metadata\":"
            + "{\"partitionKeys\":{\"k\":\"v\"}}},{\"recordId\":\"b\",\"result\":\"Dropped\"}]}")
            .getBytes(StandardCharsets.UTF_8);
        for (int[] edit : edits) {
            body[Math.floorMod(edit[0], body.length)] = (byte) edit[1];
        }
        assertParsedOrRefused(body);
    }

    private static void assertParsedOrRefused(byte[] body) {
        try {
            Map<String, LambdaResponse.RecordResult> results = LambdaResponse.parse(body, IDS);
            assertThat(results.keySet()).containsExactlyInAnyOrderElementsOf(IDS);
            results.values().forEach(r -> assertThat(r.result().equals("Ok") == (r.data() != null)).isTrue());
        } catch (LambdaFailure expected) {
            assertThat(expected.errorCode()).isIn(LambdaFailure.JSON_PROCESSING, LambdaFailure.MISSING_RECORD_ID,
                LambdaFailure.DUPLICATED_RECORD_ID);
            assertThat(expected.retryable()).isFalse();
        }
    }

    @Provide
    Arbitrary<List<int[]>> edits() {
        return net.jqwik.api.Combinators.combine(Arbitraries.integers(), Arbitraries.of(
            (int) '{', (int) '}', (int) '"', (int) '[', (int) ']', (int) ':', (int) ',', (int) 'a', (int) 'b',
            (int) '=', 0xC3, (int) 'n'))
            .as((at, value) -> new int[] {at, value}).list().ofMinSize(1).ofMaxSize(3);
    }
}
