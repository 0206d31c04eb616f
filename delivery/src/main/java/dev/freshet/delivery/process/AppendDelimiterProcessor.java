package dev.freshet.delivery.process;

import dev.freshet.delivery.DeliveryRecord;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * AppendDelimiterToRecord: ends every record with a delimiter, a newline unless the
 * {@code Delimiter} parameter says otherwise (written with backslash escapes, as configurations
 * carry it: {@code \n}, {@code \r\n}, {@code \t}, {@code \\}). The service concatenates records
 * without a delimiter otherwise.
 *
 * <p>Immutable; thread-safe.
 */
public final class AppendDelimiterProcessor extends RecordByRecordProcessor {

    private final byte[] delimiter;

    public AppendDelimiterProcessor(byte[] delimiter, Clock clock) {
        super(clock);
        this.delimiter = delimiter.clone();
    }

    static AppendDelimiterProcessor from(ProcessorParameters parameters, Clock clock) {
        parameters.acceptOnly(Set.of("Delimiter"));
        String escaped = parameters.optional("Delimiter").orElse("\\n");
        return new AppendDelimiterProcessor(unescape(escaped, parameters).getBytes(StandardCharsets.UTF_8), clock);
    }

    static String unescape(String value, ProcessorParameters parameters) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (++i == value.length()) {
                throw parameters.invalid("parameter Delimiter of processor AppendDelimiterToRecord ends with a lone "
                    + "backslash");
            }
            switch (value.charAt(i)) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case '\\' -> out.append('\\');
                default -> throw parameters.invalid("parameter Delimiter of processor AppendDelimiterToRecord has an "
                    + "unknown escape \\" + value.charAt(i) + " (known: \\n \\r \\t \\\\)");
            }
        }
        return out.toString();
    }

    @Override
    protected List<DeliveryRecord> processRecord(DeliveryRecord record) {
        byte[] data = record.data();
        byte[] out = new byte[data.length + delimiter.length];
        System.arraycopy(data, 0, out, 0, data.length);
        System.arraycopy(delimiter, 0, out, data.length, delimiter.length);
        return List.of(record.withData(out));
    }

    @Override
    protected String defaultErrorCode() {
        return "AppendDelimiterToRecord.Failed";
    }
}
