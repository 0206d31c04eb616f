package dev.freshet.delivery.convert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.delivery.DeliveryRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Untrusted records: any bytes, any JSON, JSON shaped like the table with wrong values. */
class JsonRowsProperties {

    private static final String TABLE = "struct<id:bigint,name:string,score:double,ok:boolean,small:tinyint,"
        + "ts:timestamp,day:date,price:decimal(6,2),tags:array<string>,attrs:map<int,int>,"
        + "addr:struct<city:string,zip:int,more:array<struct<k:string>>>>";
    private static final JsonRows OPENX = new JsonRows(HiveTypes.parseRow(TABLE), JsonReading.openXDefaults());
    private static final JsonRows HIVE = new JsonRows(HiveTypes.parseRow(TABLE),
        new JsonReading(false, true, Map.of(), false, List.of("millis", "yyyy-MM-dd'T'HH:mm")));
    private static final List<String> KEYS = List.of("id", "ID", "name", "score", "ok", "small", "ts", "day", "price",
        "tags", "attrs", "addr", "city", "zip", "more", "k", "x.y");

    @Property(tries = 1500)
    void anyBytesConvertOrFailCleanly(@ForAll byte[] record) {
        convertedOrFailed(OPENX, record);
        convertedOrFailed(HIVE, record);
    }

    @Property(tries = 3000)
    void anyJsonConvertsOrFailsCleanly(@ForAll("json") String record) {
        convertedOrFailed(OPENX, record.getBytes(StandardCharsets.UTF_8));
        convertedOrFailed(HIVE, record.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 200)
    void everyRecordIsWrittenOrFailedNeverBoth(@ForAll("batch") List<String> records) throws IOException {
        List<DeliveryRecord> batch = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            batch.add(new DeliveryRecord("r" + i, i, records.get(i).getBytes(StandardCharsets.UTF_8)));
        }
        FormatConversion conversion = new FormatConversion(OPENX, new ParquetFile(OPENX.rowType(),
            ParquetSettings.defaults()), com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
        FormatConversion.Converted converted = conversion.convert(batch, InstantSource.fixed(Instant.EPOCH));
        int written = converted.body() == null ? 0 : ParquetReading.read(converted.body()).rows().size();
        assertThat(written + converted.failed().size()).isEqualTo(batch.size());
    }

    private static void convertedOrFailed(JsonRows rows, byte[] record) {
        try {
            Object[] row = rows.convert(record);
            assertThat(row).hasSize(rows.rowType().fields().size());
        } catch (ConversionException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<List<String>> batch() {
        return json().list().ofMaxSize(20);
    }

    @Provide
    Arbitrary<String> json() {
        return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(1, value(3)),
            net.jqwik.api.Tuple.of(4, object(3)));
    }

    private Arbitrary<String> value(int depth) {
        Arbitrary<String> scalar = Arbitraries.oneOf(
            Arbitraries.of("null", "true", "false", "0", "-1", "1e400", "1e-400", "1.5", "12.345", "300",
                "9223372036854775808", "1518033528", "1518033528123", "1518033528.5", "\"\"", "\"abc\"", "\"42\"",
                "\"true\"", "\"2024-02-29\"", "\"2017-02-07T15:13:01.39256Z\"", "\"2018-2-7 19:58:48\"",
                "\"1e-999999999\"", "\"NaN\"", "-0.0"),
            Arbitraries.longs().map(String::valueOf),
            Arbitraries.doubles().map(String::valueOf).filter(s -> !s.contains("N") && !s.contains("I")),
            Arbitraries.strings().ofMaxLength(12).map(JsonRowsProperties::quote));
        if (depth == 0) {
            return scalar;
        }
        return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(6, scalar),
            net.jqwik.api.Tuple.of(2, object(depth - 1)),
            net.jqwik.api.Tuple.of(2, Arbitraries.lazy(() -> value(depth - 1)).list().ofMaxSize(4)
                .map(items -> "[" + String.join(",", items) + "]")));
    }

    private Arbitrary<String> object(int depth) {
        Arbitrary<String> key = Arbitraries.oneOf(Arbitraries.of(KEYS), Arbitraries.strings().ofMaxLength(4));
        Arbitrary<String> member = net.jqwik.api.Combinators.combine(key, Arbitraries.lazy(() -> value(depth)))
            .as((k, v) -> quote(k) + ":" + v);
        return member.list().ofMaxSize(6).map(members -> "{" + String.join(",", members) + "}");
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
