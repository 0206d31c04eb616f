package dev.freshet.delivery.destination.opensearch;

import dev.freshet.delivery.DeliveryException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.WeekFields;
import java.util.Locale;

/**
 * IndexRotationPeriod: the part of each record's UTC arrival time appended to IndexName, as the
 * service names indexes (Firehose developer guide, "index rotation"), for 2016-02-25T13:00:00Z:
 * <pre>
 * NoRotation  myindex
 * OneHour     myindex-2016-02-25-13
 * OneDay      myindex-2016-02-25
 * OneWeek     myindex-2016-w09
 * OneMonth    myindex-2016-02
 * </pre>
 * OneWeek follows the guide's stated rule, "US conventions: a week starts on Sunday; the first week
 * of the year is the first week that contains a Saturday in this year" (week-based year and week
 * of {@link WeekFields#SUNDAY_START}); that gives w09 for this date, while the guide's example
 * table shows the ISO week (w08). The rule is taken as the authority.
 */
public enum IndexRotation {
    NO_ROTATION("NoRotation", null),
    ONE_HOUR("OneHour", DateTimeFormatter.ofPattern("'-'uuuu-MM-dd-HH", Locale.ROOT)),
    ONE_DAY("OneDay", DateTimeFormatter.ofPattern("'-'uuuu-MM-dd", Locale.ROOT)),
    ONE_WEEK("OneWeek", null),
    ONE_MONTH("OneMonth", DateTimeFormatter.ofPattern("'-'uuuu-MM", Locale.ROOT));

    private final String awsName;
    private final DateTimeFormatter suffix;

    IndexRotation(String awsName, DateTimeFormatter suffix) {
        this.awsName = awsName;
        this.suffix = suffix == null ? null : suffix.withZone(ZoneOffset.UTC);
    }

    public String awsName() {
        return awsName;
    }

    /** The enum value of IndexRotationPeriod; the service's default OneDay when null. */
    public static IndexRotation of(String awsName, String path) {
        if (awsName == null) {
            return ONE_DAY;
        }
        for (IndexRotation rotation : values()) {
            if (rotation.awsName.equals(awsName)) {
                return rotation;
            }
        }
        throw DeliveryException.invalidArgument(path + ".IndexRotationPeriod must be NoRotation, OneHour, OneDay, OneWeek "
            + "or OneMonth, was " + awsName);
    }

    /** The index a record that arrived at {@code arrivalMillis} goes to. */
    public String indexName(String indexName, long arrivalMillis) {
        Instant at = Instant.ofEpochMilli(arrivalMillis);
        if (this == NO_ROTATION) {
            return indexName;
        }
        if (this == ONE_WEEK) {
            var date = at.atZone(ZoneOffset.UTC).toLocalDate();
            int year = date.get(WeekFields.SUNDAY_START.weekBasedYear());
            int week = date.get(WeekFields.SUNDAY_START.weekOfWeekBasedYear());
            return String.format(Locale.ROOT, "%s-%d-w%02d", indexName, year, week);
        }
        return indexName + suffix.format(at);
    }
}
