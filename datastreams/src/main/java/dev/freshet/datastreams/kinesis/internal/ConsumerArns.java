package dev.freshet.datastreams.kinesis.internal;

import dev.freshet.datastreams.kinesis.KinesisErrorType;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Consumer ARNs: {@code arn:aws:kinesis:<region>:<account>:stream/<stream>/consumer/<name>:<created epoch seconds>}.
 * The creation time tells a consumer from an earlier one of the same name.
 */
public final class ConsumerArns {

    private static final Pattern ARN = Pattern.compile(
        "arn:aws[a-z-]*:kinesis:([^:]*):(\\d{12}):stream/([a-zA-Z0-9_.-]+)/consumer/([a-zA-Z0-9_.-]+):(\\d+)");

    /** The parts of a consumer ARN. */
    public record Parsed(String region, String account, String stream, String consumer, long createdSeconds) {
    }

    private ConsumerArns() {
    }

    public static Parsed parse(String arn) {
        Matcher m = ARN.matcher(arn);
        if (!m.matches()) {
            throw KinesisErrorType.INVALID_ARGUMENT.exception("Invalid ConsumerARN %s.", arn);
        }
        long created;
        try {
            created = Long.parseLong(m.group(5));
        } catch (NumberFormatException e) {
            throw KinesisErrorType.INVALID_ARGUMENT.exception("Invalid ConsumerARN %s.", arn);
        }
        return new Parsed(m.group(1), m.group(2), m.group(3), m.group(4), created);
    }

    public static boolean isConsumerArn(String arn) {
        return ARN.matcher(arn).matches();
    }
}
