package dev.freshet.web.server.logging;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.List;
import org.slf4j.event.KeyValuePair;

/**
 * Logback converter ({@code %kv}) that writes an event's SLF4J key-value pairs in logfmt style,
 * each preceded by a space: {@code  stream=orders shard=shardId-000000000000}. A value is quoted
 * (with {@code \"} and {@code \\} escaped) only when it is empty or holds a space, quote, equals
 * sign or control character, so ordinary lines stay easy to read and still parse.
 *
 * <p>Thread-safe (stateless).
 */
public final class LogfmtConverter extends ClassicConverter {

    @Override
    public String convert(ILoggingEvent event) {
        List<KeyValuePair> pairs = event.getKeyValuePairs();
        if (pairs == null || pairs.isEmpty()) {
            return "";
        }
        StringBuilder line = new StringBuilder();
        for (KeyValuePair pair : pairs) {
            line.append(' ').append(pair.key).append('=');
            appendValue(line, String.valueOf(pair.value));
        }
        return line.toString();
    }

    static void appendValue(StringBuilder line, String value) {
        if (!needsQuotes(value)) {
            line.append(value);
            return;
        }
        line.append('"');
        for (int i = 0; i < value.length(); i++) {
            appendEscaped(line, value.charAt(i));
        }
        line.append('"');
    }

    private static boolean needsQuotes(String value) {
        if (value.isEmpty()) {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c == '"' || c == '=' || c == '\\' || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    private static void appendEscaped(StringBuilder line, char c) {
        switch (c) {
            case '"' -> line.append("\\\"");
            case '\\' -> line.append("\\\\");
            case '\n' -> line.append("\\n");
            case '\r' -> line.append("\\r");
            case '\t' -> line.append("\\t");
            default -> line.append(c < ' ' ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
    }
}
