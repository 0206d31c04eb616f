package dev.freshet.delivery.process.jq;

import java.util.Locale;

/**
 * Parses a string by a C {@code strptime} format into a {@link BrokenDownTime}, as jq's
 * {@code strptime/1} does (glibc, C locale). The whole input must match: text left over is an
 * error, as in jq.
 *
 * <p>Conversions: {@code %Y %m %d %e %H %k %M %S %y %j %b %B %h %a %A %p %I %l %s %z %Z %c %D %F
 * %r %R %T %x %X %n %t %%}. As in glibc, whitespace in the format matches any run of whitespace (also none),
 * {@code %z} accepts {@code Z}, {@code ±hh}, {@code ±hhmm} and {@code ±hh:mm}; like jq 1.6, the
 * offset is then ignored (jq's {@code mktime} is {@code timegm}). {@code %Z} accepts a run of
 * letters and ignores it. Other conversions are errors.
 *
 * <p>Not thread-safe (a cursor); one instance per call.
 */
final class Strptime {

    private final String input;
    private final String format;
    private int at;
    private long year = 1900;
    private long month;
    private long day = 1;
    private long hour;
    private long minute;
    private long second;
    private long dayOfYear = -1;
    private Boolean pm;
    private Long epochSeconds;

    private Strptime(String input, String format) {
        this.input = input;
        this.format = format;
    }

    static BrokenDownTime parse(String input, String format) throws DateFunctionException {
        return new Strptime(input, format).run();
    }

    private BrokenDownTime run() throws DateFunctionException {
        match(format);
        if (at != input.length()) {
            throw mismatch();
        }
        if (epochSeconds != null) {
            return BrokenDownTime.ofEpochSeconds(epochSeconds);
        }
        if (pm != null) {
            hour = hour % 12 + (pm ? 12 : 0);
        }
        if (dayOfYear >= 0) {
            return BrokenDownTime.of(year, 0, dayOfYear + 1, hour, minute, second);
        }
        return BrokenDownTime.of(year, month, day, hour, minute, second);
    }

    private void match(String fmt) throws DateFunctionException {
        for (int i = 0; i < fmt.length(); i++) {
            char c = fmt.charAt(i);
            if (Character.isWhitespace(c)) {
                skipSpaces();
            } else if (c != '%') {
                if (at >= input.length() || input.charAt(at) != c) {
                    throw mismatch();
                }
                at++;
            } else if (++i < fmt.length()) {
                convert(fmt.charAt(i));
            } else {
                throw new DateFunctionException("strptime/1: format ends with an incomplete conversion");
            }
        }
    }

    private void convert(char conversion) throws DateFunctionException {
        switch (conversion) {
            case 'Y' -> year = signedNumber(4);
            case 'm' -> month = number(1, 2, 1, 12) - 1;
            case 'd', 'e' -> {
                skipSpaces();
                day = number(1, 2, 1, 31);
            }
            case 'H', 'k' -> {
                skipSpaces();
                hour = number(1, 2, 0, 23);
            }
            case 'I', 'l' -> {
                skipSpaces();
                hour = number(1, 2, 1, 12);
            }
            case 'M' -> minute = number(1, 2, 0, 59);
            case 'S' -> second = number(1, 2, 0, 61);
            case 'y' -> {
                long yy = number(1, 2, 0, 99);
                year = yy < 69 ? 2000 + yy : 1900 + yy;
            }
            case 'j' -> dayOfYear = number(1, 3, 1, 366) - 1;
            case 'b', 'B', 'h' -> month = name(Strftime.MONTHS);
            case 'a', 'A' -> name(Strftime.DAYS);
            case 'p' -> pm = amPm();
            case 's' -> epochSeconds = signedNumber(12);
            case 'z' -> offset();
            case 'Z' -> letters();
            case 'T', 'X' -> match("%H:%M:%S");
            case 'r' -> match("%I:%M:%S %p");
            case 'c' -> match("%a %b %e %H:%M:%S %Y");
            case 'x' -> match("%m/%d/%y");
            case 'F' -> match("%Y-%m-%d");
            case 'D' -> match("%m/%d/%y");
            case 'R' -> match("%H:%M");
            case 'n', 't' -> skipSpaces();
            case '%' -> literal('%');
            default -> throw new DateFunctionException("strptime/1: unsupported conversion %" + conversion);
        }
    }

    private long number(int minDigits, int maxDigits, long min, long max) throws DateFunctionException {
        int start = at;
        while (at < input.length() && at - start < maxDigits && isDigit(input.charAt(at))) {
            at++;
        }
        if (at - start < minDigits) {
            throw mismatch();
        }
        long value = Long.parseLong(input.substring(start, at));
        if (value < min || value > max) {
            throw mismatch();
        }
        return value;
    }

    private long signedNumber(int maxDigits) throws DateFunctionException {
        boolean negative = at < input.length() && (input.charAt(at) == '-' || input.charAt(at) == '+')
            && input.charAt(at++) == '-';
        long value = number(1, maxDigits, 0, Long.MAX_VALUE);
        return negative ? -value : value;
    }

    private int name(String[] names) throws DateFunctionException {
        String rest = input.substring(at).toLowerCase(Locale.ROOT);
        for (int i = 0; i < names.length; i++) {
            String full = names[i].toLowerCase(Locale.ROOT);
            if (rest.startsWith(full)) {
                at += full.length();
                return i;
            }
            if (rest.startsWith(full.substring(0, 3))) {
                at += 3;
                return i;
            }
        }
        throw mismatch();
    }

    private boolean amPm() throws DateFunctionException {
        String rest = input.substring(at).toUpperCase(Locale.ROOT);
        if (rest.startsWith("AM") || rest.startsWith("PM")) {
            at += 2;
            return rest.startsWith("PM");
        }
        throw mismatch();
    }

    private void offset() throws DateFunctionException {
        if (at < input.length() && input.charAt(at) == 'Z') {
            at++;
            return;
        }
        if (at >= input.length() || (input.charAt(at) != '+' && input.charAt(at) != '-')) {
            throw mismatch();
        }
        at++;
        number(2, 2, 0, 23);
        if (at < input.length() && input.charAt(at) == ':') {
            at++;
            number(2, 2, 0, 59);
        } else if (at < input.length() && isDigit(input.charAt(at))) {
            number(2, 2, 0, 59);
        }
    }

    private void letters() throws DateFunctionException {
        int start = at;
        while (at < input.length() && Character.isLetter(input.charAt(at))) {
            at++;
        }
        if (at == start) {
            throw mismatch();
        }
    }

    private void literal(char c) throws DateFunctionException {
        if (at >= input.length() || input.charAt(at) != c) {
            throw mismatch();
        }
        at++;
    }

    private void skipSpaces() {
        while (at < input.length() && Character.isWhitespace(input.charAt(at))) {
            at++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private DateFunctionException mismatch() {
        return new DateFunctionException("date \"" + input + "\" does not match format \"" + format + "\"");
    }
}
