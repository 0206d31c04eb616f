package dev.freshet.delivery.process.jq;

import java.time.LocalDateTime;
import java.time.temporal.IsoFields;

/**
 * Formats a {@link BrokenDownTime} as C's {@code strftime} does in the C locale and UTC, which is
 * what jq's {@code strftime/1} and {@code todate} call.
 *
 * <p>Conversions: {@code %a %A %b %B %c %C %d %D %e %F %g %G %h %H %I %j %k %l %m %M %n %p %r %R
 * %s %S %t %T %u %U %V %w %W %x %X %y %Y %z %Z %%}, and the glibc flag {@code -} (no padding,
 * e.g. {@code %-d}). Any other conversion, or a lone {@code %} at the end, is an error rather than
 * silently wrong output.
 *
 * <p>Stateless; thread-safe.
 */
final class Strftime {

    static final String[] DAYS = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
    static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December"};

    private Strftime() {
    }

    static String format(String format, BrokenDownTime time) throws DateFunctionException {
        StringBuilder out = new StringBuilder(format.length() + 16);
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            boolean noPad = i + 1 < format.length() && format.charAt(i + 1) == '-';
            if (noPad) {
                i++;
            }
            if (++i >= format.length()) {
                throw new DateFunctionException("strftime/1: format ends with an incomplete conversion");
            }
            convert(format.charAt(i), noPad, time, out);
        }
        return out.toString();
    }

    private static void convert(char conversion, boolean noPad, BrokenDownTime time, StringBuilder out)
            throws DateFunctionException {
        LocalDateTime t = time.dateTime();
        switch (conversion) {
            case 'a' -> out.append(DAYS[time.weekday()], 0, 3);
            case 'A' -> out.append(DAYS[time.weekday()]);
            case 'b', 'h' -> out.append(MONTHS[t.getMonthValue() - 1], 0, 3);
            case 'B' -> out.append(MONTHS[t.getMonthValue() - 1]);
            case 'c' -> out.append(format("%a %b %e %H:%M:%S %Y", time));
            case 'C' -> number(out, t.getYear() / 100, 2, '0', noPad);
            case 'd' -> number(out, t.getDayOfMonth(), 2, '0', noPad);
            case 'D', 'x' -> out.append(format("%m/%d/%y", time));
            case 'e' -> number(out, t.getDayOfMonth(), 2, ' ', noPad);
            case 'F' -> out.append(format("%Y-%m-%d", time));
            case 'g' -> number(out, t.get(IsoFields.WEEK_BASED_YEAR) % 100, 2, '0', noPad);
            case 'G' -> out.append(t.get(IsoFields.WEEK_BASED_YEAR));
            case 'H' -> number(out, t.getHour(), 2, '0', noPad);
            case 'I' -> number(out, hour12(t), 2, '0', noPad);
            case 'j' -> number(out, t.getDayOfYear(), 3, '0', noPad);
            case 'k' -> number(out, t.getHour(), 2, ' ', noPad);
            case 'l' -> number(out, hour12(t), 2, ' ', noPad);
            case 'm' -> number(out, t.getMonthValue(), 2, '0', noPad);
            case 'M' -> number(out, t.getMinute(), 2, '0', noPad);
            case 'n' -> out.append('\n');
            case 'p' -> out.append(t.getHour() < 12 ? "AM" : "PM");
            case 'r' -> out.append(format("%I:%M:%S %p", time));
            case 'R' -> out.append(format("%H:%M", time));
            case 's' -> out.append(time.epochSeconds());
            case 'S' -> number(out, t.getSecond(), 2, '0', noPad);
            case 't' -> out.append('\t');
            case 'T', 'X' -> out.append(format("%H:%M:%S", time));
            case 'u' -> out.append(t.getDayOfWeek().getValue());
            case 'U' -> number(out, (t.getDayOfYear() - 1 + 7 - time.weekday()) / 7, 2, '0', noPad);
            case 'V' -> number(out, t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), 2, '0', noPad);
            case 'w' -> out.append(time.weekday());
            case 'W' -> number(out, (t.getDayOfYear() - 1 + 7 - (time.weekday() + 6) % 7) / 7, 2, '0', noPad);
            case 'y' -> number(out, t.getYear() % 100, 2, '0', noPad);
            case 'Y' -> out.append(t.getYear());
            case 'z' -> out.append("+0000");
            case 'Z' -> out.append("UTC");
            case '%' -> out.append('%');
            default -> throw new DateFunctionException("strftime/1: unsupported conversion %" + conversion);
        }
    }

    private static int hour12(LocalDateTime t) {
        int hour = t.getHour() % 12;
        return hour == 0 ? 12 : hour;
    }

    private static void number(StringBuilder out, int value, int width, char pad, boolean noPad) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width && !noPad; i++) {
            out.append(pad);
        }
        out.append(digits);
    }
}
