package dev.freshet.delivery.convert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.apache.parquet.example.data.Group;
import org.junit.jupiter.api.Test;

/** Hive's INT96 timestamps: the byte layout, and files read back with parquet-java decode to the instant written. */
class Int96TimestampsTest {

    @Test
    void theEpochIsJulianDay2440588AtNanosZero() {
        // nanos of day 0 (8 bytes LE), then 2440588 = 0x00253D8C as int32 LE
        assertThat(HexFormat.of().formatHex(Int96Timestamps.encode(0).getBytes())).isEqualTo("00000000000000008c3d2500");
        // 1 ms past midnight of 1970-01-02: 1,000,000 ns = 0x0F4240, day 2440589
        assertThat(HexFormat.of().formatHex(Int96Timestamps.encode(86_400_001L).getBytes()))
            .isEqualTo("40420f00000000008d3d2500");
    }

    @Test
    void instantsBeforeTheEpochUseTheDayBeforeAndPositiveNanos() {
        // 1969-12-31T23:59:59.999Z: day 2440587, nanos of day 86,399,999,000,000
        byte[] bytes = Int96Timestamps.encode(-1).getBytes();
        assertThat(HexFormat.of().formatHex(bytes, 8, 12)).isEqualTo("8b3d2500");
        assertThat(ParquetReading.int96(Int96Timestamps.encode(-1))).isEqualTo(Instant.parse("1969-12-31T23:59:59.999Z"));
    }

    @Property
    void everyMillisecondDecodesToItsInstant(@ForAll @LongRange(min = -62_167_219_200_000L, max = 253_402_300_799_999L)
            long millis) {
        assertThat(ParquetReading.int96(Int96Timestamps.encode(millis))).isEqualTo(Instant.ofEpochMilli(millis));
    }

    @Test
    void timestampsOutsideHivesRangeFailTheirRecord() throws IOException {
        FormatConversion.Converted converted = FormatConversionTest.convert(
            FormatConversionTest.config("struct<ts:timestamp>", FormatConversionTest.openX(""), ""),
            "{\"ts\":9223372036854775807}", "{\"ts\":\"10000-01-01T00:00:00Z\"}", "{\"ts\":253402300799999}");
        assertThat(converted.failed()).hasSize(2);
        assertThat(ParquetReading.read(converted.body()).rows()).extracting(row -> ParquetReading.int96(row.getInt96("ts", 0)))
            .containsExactly(Instant.parse("9999-12-31T23:59:59.999Z"));
    }

    @Test
    void aWrittenFileHoldsInt96ColumnsThatDecodeToTheUtcInstants() throws IOException {
        List<Group> rows = ParquetReading.read(FormatConversionTest.convert(
            FormatConversionTest.config("struct<ts:timestamp,n:int>", FormatConversionTest.openX(""), ""),
            "{\"ts\":\"2024-02-29T23:59:59.999+01:00\",\"n\":1}", "{\"ts\":\"1960-06-01 12:00:00.5\",\"n\":2}",
            "{\"ts\":0,\"n\":3}").body()).rows();
        assertThat(rows).extracting(row -> ParquetReading.int96(row.getInt96("ts", 0))).containsExactly(
            Instant.parse("2024-02-29T22:59:59.999Z"), Instant.parse("1960-06-01T12:00:00.500Z"), Instant.EPOCH);
    }
}
