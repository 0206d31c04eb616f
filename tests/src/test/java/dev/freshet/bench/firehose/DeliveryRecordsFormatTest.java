package dev.freshet.bench.firehose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** The delivery generator's records read back as sent, and the S3 probe skips only s3proxy's temporary names. */
class DeliveryRecordsFormatTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Property
    void aStampedRecordReadsBackItsStamps(@ForAll @LongRange(min = 0, max = 9_999_999_999_999_999L) long sent,
            @ForAll @LongRange(min = 0, max = 999_999_999_999L) long serial, @ForAll @IntRange(min = 31, max = 4096) int size) {
        byte[] record = StampedRecords.record(size, sent, serial);

        assertThat(record).hasSize(size);
        assertThat(record[size - 1]).isEqualTo((byte) '\n');
        assertThat(StampedRecords.sentMicros(record, 0)).isEqualTo(sent);
        assertThat(StampedRecords.serial(record, 0)).isEqualTo(serial);
    }

    @Property
    void aJsonRecordIsOneDocumentOfTheSize(@ForAll @LongRange(min = 0) long sent, @ForAll @LongRange(min = 0) long serial)
            throws IOException {
        byte[] record = StampedRecords.json(1024, sent, serial);

        assertThat(record).hasSize(1024);
        JsonNode document = JSON.readTree(record);
        assertThat(document.path("sent").asLong()).isEqualTo(sent);
        assertThat(document.path("serial").asLong()).isEqualTo(serial);
        assertThat(document.path("pad").asText()).matches("x+");
    }

    @Test
    void temporaryNamesOfS3ProxyAreSkippedAndFirehoseKeysAreNot() {
        String key = "2026/11/26/06/bench-s3-1-2026-11-26-06-20-44-0c3a380c-0cf6-4452-aa19-c83a938d5e80";
        String temporary = "-d0745092-061d-4bdf-8637-1d5042eb132f";

        assertThat(S3Probe.beingWritten(key)).isFalse();
        assertThat(S3Probe.beingWritten(key + ".gz")).isFalse();
        assertThat(S3Probe.beingWritten(key + temporary)).isTrue();
        assertThat(S3Probe.beingWritten(key + ".gz" + temporary)).isTrue();
    }
}
