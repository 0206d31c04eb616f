package dev.freshet.delivery.process.split;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.freshet.delivery.DeliveryRecord;
import dev.freshet.delivery.DeliveryStreamRef;
import dev.freshet.delivery.process.Accounting;
import dev.freshet.delivery.process.ProcessingResult;
import dev.freshet.delivery.process.RecordDeAggregationProcessor;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class SplitterProperties {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DeliveryStreamRef STREAM = new DeliveryStreamRef("s", "arn", "us-east-1", 1);

    @Property
    void concatenatedJsonObjectsSplitBackIntoThemselves(@ForAll("objects") List<Map<String, Object>> objects,
            @ForAll("whitespace") String separator) throws Exception {
        List<String> texts = new ArrayList<>();
        for (Map<String, Object> object : objects) {
            texts.add(JSON.writeValueAsString(object));
        }
        byte[] record = (separator + String.join(separator, texts) + separator).getBytes(StandardCharsets.UTF_8);

        List<byte[]> parts = JsonObjectSplitter.split(record, 500);

        assertThat(parts).extracting(p -> new String(p, StandardCharsets.UTF_8)).containsExactlyElementsOf(texts);
    }

    @Property(tries = 3000)
    void arbitraryTextIsSplitOrRefused(@ForAll("jsonish") String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            for (byte[] part : JsonObjectSplitter.split(bytes, 500)) {
                assertThat(JSON.readTree(part).isObject()).isTrue();
            }
        } catch (MalformedRecordException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        } catch (java.io.IOException e) {
            throw new AssertionError("a split part is not a JSON object", e);
        }
        accounted(new RecordDeAggregationProcessor(null, Clock.systemUTC()), bytes);
    }

    @Property(tries = 2000)
    void arbitraryBytesNeverEscape(@ForAll @Size(max = 200) byte[] bytes) {
        accounted(new RecordDeAggregationProcessor(null, Clock.systemUTC()), bytes);
        accounted(new RecordDeAggregationProcessor("##".getBytes(), Clock.systemUTC()), bytes);
    }

    @Property
    void delimitedPiecesJoinBackIntoTheRecordWithoutEmptyPieces(@ForAll("pieces") List<String> pieces) throws Exception {
        byte[] record = String.join("##", pieces).getBytes(StandardCharsets.UTF_8);

        List<byte[]> split = DelimitedSplitter.split(record, "##".getBytes(), 10_000);

        assertThat(split).extracting(p -> new String(p, StandardCharsets.UTF_8))
            .containsExactlyElementsOf(pieces.stream().filter(p -> !p.isEmpty()).toList());
    }

    private static void accounted(RecordDeAggregationProcessor processor, byte[] bytes) {
        List<DeliveryRecord> in = List.of(new DeliveryRecord("r", 1L, bytes));
        ProcessingResult out = processor.process(STREAM, in);
        Accounting.assertAccounted(in, out);
    }

    @Provide
    Arbitrary<List<Map<String, Object>>> objects() {
        Arbitrary<Object> values = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(10).map(s -> (Object) s),
            Arbitraries.integers().map(i -> (Object) i), Arbitraries.just(List.of(1, "x")),
            Arbitraries.just(Map.of("in", "{\"}")));
        return Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(5), values).ofMaxSize(4)
            .list().ofMaxSize(8);
    }

    @Provide
    Arbitrary<String> whitespace() {
        return Arbitraries.strings().withChars(" \n\r\t").ofMaxLength(3);
    }

    @Provide
    Arbitrary<String> jsonish() {
        return Arbitraries.strings().withChars("{}[]\":,0123 abc\\\n-e.tn").ofMaxLength(60);
    }

    @Provide
    Arbitrary<List<String>> pieces() {
        return Arbitraries.strings().withChars("ab#c").ofMaxLength(5).filter(s -> !s.contains("#")).list().ofMaxSize(8);
    }
}
