package dev.freshet.delivery.process.split;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.delivery.DeliveryRecord;
import dev.freshet.delivery.DeliveryStreamRef;
import dev.freshet.delivery.process.Accounting;
import dev.freshet.delivery.process.KplDeaggregationProcessor;
import dev.freshet.delivery.process.ProcessingResult;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class KplAggregatedRecordProperties {

    private static final DeliveryStreamRef STREAM = new DeliveryStreamRef("s", "arn", "us-east-1", 1);

    record UserRecord(String key, byte[] data) {
    }

    @Property
    void encodedRecordsDecodeToWhatWentIn(@ForAll("userRecords") List<UserRecord> records) throws Exception {
        KplEncoder encoder = new KplEncoder();
        records.forEach(r -> encoder.add(r.key(), r.data()));

        List<KplAggregatedRecord.UserRecord> decoded = KplAggregatedRecord.decode(encoder.encode()).orElseThrow();

        assertThat(decoded).hasSize(records.size());
        for (int i = 0; i < records.size(); i++) {
            assertThat(decoded.get(i).partitionKey()).isEqualTo(records.get(i).key());
            assertThat(decoded.get(i).data()).isEqualTo(records.get(i).data());
        }
    }

    @Property(tries = 2000)
    void randomBytesNeverEscapeAsAnythingButMalformed(@ForAll @Size(max = 300) byte[] bytes) {
        decodeQuietly(bytes);
        decodeQuietly(KplEncoder.frame(bytes));
        processAndAccount(KplEncoder.frame(bytes));
    }

    @Property(tries = 2000)
    void mutatedAggregatesAreDecodedOrRefused(@ForAll("userRecords") List<UserRecord> records,
            @ForAll("mutations") List<int[]> mutations) {
        KplEncoder encoder = new KplEncoder();
        records.forEach(r -> encoder.add(r.key(), r.data()));
        byte[] body = encoder.body();
        for (int[] mutation : mutations) {
            if (body.length > 0) {
                body[Math.floorMod(mutation[0], body.length)] = (byte) mutation[1];
            }
        }
        decodeQuietly(KplEncoder.frame(body));
        processAndAccount(KplEncoder.frame(body));
        int cut = mutations.isEmpty() ? 0 : Math.floorMod(mutations.get(0)[0], body.length + 1);
        processAndAccount(KplEncoder.frame(java.util.Arrays.copyOf(body, cut)));
    }

    private static void decodeQuietly(byte[] bytes) {
        try {
            Optional<List<KplAggregatedRecord.UserRecord>> decoded = KplAggregatedRecord.decode(bytes);
            decoded.ifPresent(list -> list.forEach(r -> assertThat(r.data()).isNotNull()));
        } catch (MalformedRecordException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    private static void processAndAccount(byte[] bytes) {
        List<DeliveryRecord> in = List.of(new DeliveryRecord("r", 1L, bytes), new DeliveryRecord("plain", 1L,
            new byte[] {1, 2}));
        ProcessingResult out = new KplDeaggregationProcessor(Clock.systemUTC()).process(STREAM, in);
        Accounting.assertAccounted(in, out);
        assertThat(out.records()).extracting(DeliveryRecord::recordId).contains("plain");
    }

    @Provide
    Arbitrary<List<UserRecord>> userRecords() {
        Arbitrary<String> keys = Arbitraries.strings().ofMinLength(1).ofMaxLength(8);
        Arbitrary<byte[]> data = Arbitraries.bytes().array(byte[].class).ofMaxSize(40);
        return Combinators.combine(keys, data).as(UserRecord::new).list().ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<int[]>> mutations() {
        return Combinators.combine(Arbitraries.integers(), Arbitraries.integers().between(0, 255))
            .as((at, value) -> new int[] {at, value}).list().ofMaxSize(3);
    }
}
