package dev.freshet.delivery.process;

import dev.freshet.delivery.DeliveryRecord;
import dev.freshet.delivery.DeliveryStreamRef;
import dev.freshet.delivery.process.jq.PartitionKeyQuery;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Random and corrupted records through the other built-in processors: accounted for, never thrown. */
class BuiltInProcessorsProperties {

    private static final DeliveryStreamRef STREAM = new DeliveryStreamRef("s", "arn", "us-east-1", 1);
    private static final MetadataExtractionProcessor PARTITIONING = new MetadataExtractionProcessor(
        PartitionKeyQuery.compile("{id:.id, day:(.ts|strftime(\"%Y-%m-%d\")), n:(.n|tostring)}"), Clock.systemUTC());

    @Property(tries = 2000)
    void partitioningAnyRecordYieldsKeysOrAFailure(@ForAll("records") String text) {
        List<DeliveryRecord> in = List.of(new DeliveryRecord("r", 1L, text.getBytes(StandardCharsets.UTF_8)));
        Accounting.assertAccounted(in, PARTITIONING.process(STREAM, in));
    }

    @Property(tries = 1000)
    void decompressingAnyBytesInflatesOrFails(@ForAll @Size(max = 200) byte[] bytes, @ForAll boolean gzipHeader)
            throws Exception {
        byte[] data = bytes;
        if (gzipHeader && bytes.length > 2) {
            data = bytes.clone();
            data[0] = 0x1f;
            data[1] = (byte) 0x8b;
        }
        List<DeliveryRecord> in = List.of(new DeliveryRecord("r", 1L, data),
            new DeliveryRecord("ok", 1L, BuiltInProcessorsTest.gzip(bytes)));
        ProcessingResult out = new DecompressionProcessor(Clock.systemUTC()).process(STREAM, in);
        Accounting.assertAccounted(in, out);
        org.assertj.core.api.Assertions.assertThat(out.records().stream().filter(r -> r.recordId().equals("ok")))
            .singleElement().satisfies(r -> org.assertj.core.api.Assertions.assertThat(r.data()).isEqualTo(bytes));
    }

    @Provide
    Arbitrary<String> records() {
        Arbitrary<String> fields = Arbitraries.of("\"id\":\"a\"", "\"id\":1", "\"id\":null", "\"ts\":1700000000",
            "\"ts\":\"x\"", "\"ts\":-1e300", "\"n\":[1]", "\"n\":2.5", "\"id\":{}");
        Arbitrary<String> objects = fields.list().ofMaxSize(4).map(f -> "{" + String.join(",", f) + "}");
        return Arbitraries.oneOf(objects, Arbitraries.strings().withChars("{}[]\":,0123 abcdint\\").ofMaxLength(40));
    }
}
