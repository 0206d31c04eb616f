package dev.freshet.delivery.convert;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads timestamp values as epoch milliseconds (UTC when the text has no offset), the way the
 * configured deserializer does:
 * <ul>
 * <li>OpenX: {@code yyyy-MM-dd'T'HH:mm:ss[.S…]Z} (or an offset), {@code yyyy-[M]M-[d]d HH:mm:ss[.S…]},
 *     epoch seconds ({@code 1518033528}), epoch milliseconds ({@code 1518033528123}) and
 *     fractional epoch seconds ({@code 1518033528.123}), as numbers or digit strings.</li>
 * <li>Hive: each TimestampFormats pattern in turn ({@code millis}: epoch milliseconds), then
 *     {@code java.sql.Timestamp.valueOf}'s form {@code yyyy-[m]m-[d]d hh:mm:ss[.f…]}.</li>
 * </ul>
 * Epoch integers below 10^11 are seconds, larger ones milliseconds (10^11 s is the year 5138).
 * Instants outside Hive's timestamp range (years 0000 to 9999) fail the record: the Julian day
 * of the INT96 the file holds must fit its 32 bits.
 *
 * <p>Thread-safe (immutable).
 */
final class Timestamps {

    private static final Pattern SQL_TIMESTAMP =
        Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})[ T](\\d{1,2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final long SECONDS_BELOW = 100_000_000_000L;
    private static final long MIN_MILLIS = LocalDate.of(0, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    private static final long MAX_MILLIS =
        LocalDate.of(10_000, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() - 1;

    private final boolean openX;
    private final boolean millis;
    private final List<DateTimeFormatter> formats;

    private Timestamps(boolean openX, boolean millis, List<DateTimeFormatter> formats) {
        this.openX = openX;
        this.millis = millis;
        this.formats = formats;
    }

    /** @throws IllegalArgumentException for a pattern that is not a valid date-time pattern */
    static Timestamps of(JsonReading reading) {
        boolean millis = false;
        List<DateTimeFormatter> formats = new ArrayList<>();
        for (String format : reading.timestampFormats()) {
            if (format.equals("millis")) {
                millis = true;
            } else {
                formats.add(new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(format)
                    .toFormatter(Locale.ROOT));
            }
        }
        return new Timestamps(reading.openX(), millis, List.copyOf(formats));
    }

    long fromNumber(BigDecimal number) {
        if (!openX && !millis) {
            throw new ConversionException("a number is not a timestamp without the 'millis' TimestampFormat");
        }
        try {
            if (!openX) {
                return number.longValueExact();
            }
            if (number.stripTrailingZeros().scale() > 0) {
                return number.movePointRight(3).setScale(0, RoundingMode.DOWN).longValueExact();
            }
            long whole = number.longValueExact();
            return Math.abs(whole) < SECONDS_BELOW ? whole * 1000L : whole;
        } catch (ArithmeticException e) {
            throw new ConversionException("timestamp number " + abbreviate(number.toString()) + " is not epoch time");
        }
    }

    long fromText(String text) {
        String trimmed = text.trim();
        if (millis || openX) {
            if (!trimmed.isEmpty() && trimmed.length() <= 64 && trimmed.chars().allMatch(c -> c >= '0' && c <= '9' || c == '.' || c == '-')) {
                try {
                    return fromNumber(JsonRows.tame(new BigDecimal(trimmed)));
                } catch (NumberFormatException e) {
                    // not a number after all: try the text forms
                }
            }
        }
        for (DateTimeFormatter format : formats) {
            try {
                return epochMillis(format.parse(trimmed));
            } catch (DateTimeException e) {
                // try the next format
            }
        }
        if (openX) {
            try {
                return ISO.parse(trimmed, java.time.OffsetDateTime::from).toInstant().toEpochMilli();
            } catch (DateTimeException e) {
                // try the SQL form
            }
        }
        return sqlTimestamp(trimmed);
    }

    private static long sqlTimestamp(String text) {
        Matcher m = SQL_TIMESTAMP.matcher(text);
        if (!m.matches()) {
            throw new ConversionException("'" + abbreviate(text) + "' is not a timestamp");
        }
        try {
            String fraction = m.group(7) == null ? "0" : (m.group(7) + "00").substring(0, 3);
            LocalDateTime time = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                Integer.parseInt(m.group(6)), Integer.parseInt(fraction) * 1_000_000);
            return time.toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeException e) {
            throw new ConversionException("'" + abbreviate(text) + "' is not a valid timestamp");
        }
    }

    private static long epochMillis(TemporalAccessor parsed) {
        if (parsed.isSupported(ChronoField.INSTANT_SECONDS)) {
            return parsed.getLong(ChronoField.INSTANT_SECONDS) * 1000L + parsed.getLong(ChronoField.MILLI_OF_SECOND);
        }
        LocalDate date = LocalDate.from(parsed);
        LocalTime time = parsed.isSupported(ChronoField.HOUR_OF_DAY) ? LocalTime.from(parsed) : LocalTime.MIDNIGHT;
        ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS)
            ? ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)) : ZoneOffset.UTC;
        return date.atTime(time).toInstant(offset).toEpochMilli();
    }

    /** {@code epochMillis} if it is within Hive's timestamp range, else a conversion failure. */
    static long inHiveRange(long epochMillis) {
        if (epochMillis < MIN_MILLIS || epochMillis > MAX_MILLIS) {
            throw new ConversionException("timestamp " + epochMillis + " ms is outside Hive's range (years 0000 to 9999)");
        }
        return epochMillis;
    }

    static String abbreviate(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "…";
    }
}
