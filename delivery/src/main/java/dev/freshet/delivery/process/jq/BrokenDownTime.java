package dev.freshet.delivery.process.jq;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * jq 1.6's "broken down time", the array {@code gmtime} makes and {@code mktime} takes:
 *
 * <pre>
 * [year, month (0-11), day of month (1-31), hours, minutes, seconds (may be fractional),
 *  day of week (0-6, Sunday 0), day of year (0-365)]
 * </pre>
 *
 * always UTC (jq's {@code timegm}). Out-of-range fields are normalised as {@code timegm} does
 * (month 12 is January of the next year).
 *
 * @param dateTime the UTC date and time, nanoseconds carrying the fraction of a second
 */
record BrokenDownTime(LocalDateTime dateTime) {

    /** The longest range java.time handles without overflow, wide enough for any real timestamp. */
    private static final double MAX_EPOCH_SECONDS = 253_402_300_799d; // 9999-12-31T23:59:59Z
    private static final double MIN_EPOCH_SECONDS = -62_135_596_800d; // 0001-01-01T00:00:00Z

    static BrokenDownTime ofEpochSeconds(double seconds) throws DateFunctionException {
        if (Double.isNaN(seconds) || seconds > MAX_EPOCH_SECONDS || seconds < MIN_EPOCH_SECONDS) {
            throw new DateFunctionException("time " + seconds + " is out of range");
        }
        long whole = (long) Math.floor(seconds);
        int nanos = (int) Math.round((seconds - whole) * 1e9);
        if (nanos >= 1_000_000_000) {
            whole++;
            nanos = 0;
        }
        return new BrokenDownTime(LocalDateTime.ofEpochSecond(whole, nanos, ZoneOffset.UTC));
    }

    /** Reads an array of at least six numbers (day of week and day of year are recomputed). */
    static BrokenDownTime fromJson(JsonNode node, String function) throws DateFunctionException {
        if (!node.isArray() || node.size() < 6) {
            throw new DateFunctionException(function + " requires parsed datetime inputs");
        }
        double[] fields = new double[6];
        for (int i = 0; i < 6; i++) {
            JsonNode field = node.get(i);
            if (!field.isNumber() || !Double.isFinite(field.asDouble()) || Math.abs(field.asDouble()) > 1e12) {
                throw new DateFunctionException(function + " requires parsed datetime inputs");
            }
            fields[i] = field.asDouble();
        }
        return of((long) fields[0], (long) fields[1], (long) fields[2], (long) fields[3], (long) fields[4],
            fields[5]);
    }

    /** Normalising constructor from the fields as {@code struct tm} holds them (month 0-11). */
    static BrokenDownTime of(long year, long month, long day, long hours, long minutes, double seconds)
            throws DateFunctionException {
        if (year < 1 || year > 9999) {
            throw new DateFunctionException("year " + year + " is out of range");
        }
        try {
            long wholeSeconds = (long) Math.floor(seconds);
            int nanos = (int) Math.round((seconds - wholeSeconds) * 1e9);
            LocalDateTime time = LocalDateTime.of((int) year, 1, 1, 0, 0).plusMonths(month).plusDays(day - 1)
                .plusHours(hours).plusMinutes(minutes).plusSeconds(wholeSeconds).plusNanos(nanos);
            return new BrokenDownTime(time);
        } catch (java.time.DateTimeException | ArithmeticException e) {
            throw new DateFunctionException("time is out of range: " + e.getMessage());
        }
    }

    /** Seconds since the epoch, whole ({@code mktime} drops the fraction). */
    long epochSeconds() {
        return dateTime.toEpochSecond(ZoneOffset.UTC);
    }

    double seconds() {
        return dateTime.getSecond() + dateTime.getNano() / 1e9;
    }

    /** Day of week, Sunday 0. */
    int weekday() {
        return dateTime.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : dateTime.getDayOfWeek().getValue();
    }

    ArrayNode toJson() {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        array.add(dateTime.getYear());
        array.add(dateTime.getMonthValue() - 1);
        array.add(dateTime.getDayOfMonth());
        array.add(dateTime.getHour());
        array.add(dateTime.getMinute());
        if (dateTime.getNano() == 0) {
            array.add(dateTime.getSecond());
        } else {
            array.add(seconds());
        }
        array.add(weekday());
        array.add(dateTime.getDayOfYear() - 1);
        return array;
    }
}
