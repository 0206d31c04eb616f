package dev.freshet.delivery.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.delivery.DeliveryRecord;
import dev.freshet.delivery.destination.FailedRecord;
import java.util.List;

/** Checks that a processor accounted for every input record: delivered (maybe split), dropped or failed. */
public final class Accounting {

    private Accounting() {
    }

    public static void assertAccounted(List<DeliveryRecord> in, ProcessingResult out) {
        int withoutOutput = 0;
        for (DeliveryRecord record : in) {
            String id = record.recordId();
            boolean failed = out.failed().stream().map(FailedRecord::record).anyMatch(r -> r.recordId().equals(id));
            boolean produced = out.records().stream()
                .anyMatch(r -> r.recordId().equals(id) || r.recordId().startsWith(id + "."));
            assertThat(failed && produced).as("record %s both failed and went on", id).isFalse();
            withoutOutput += failed || produced ? 0 : 1;
        }
        assertThat(out.dropped()).as("records neither delivered nor failed are the dropped ones")
            .isEqualTo(withoutOutput);
        assertThat(out.failed()).allSatisfy(f -> assertThat(f.envelope()).isNotEmpty());
    }
}
