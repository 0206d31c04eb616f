package dev.freshet.fragments.video;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed Kinesis Video Streams resource ARN:
 * {@code arn:<partition>:kinesisvideo:<region>:<account>:<type>/<name>/<creation epoch millis>},
 * where type is {@code stream} or {@code channel}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param createdMillis the creation time the ARN names; a stream created again under the same name
 *                      has another ARN
 */
record VideoArn(String region, String accountId, String resourceType, String name, long createdMillis) {

    private static final Pattern ARN =
        Pattern.compile("arn:[a-z\\d-]+:kinesisvideo:([a-z0-9-]+):([0-9]+):([a-z]+)/([a-zA-Z0-9_.-]+)/([0-9]{1,18})");

    static Optional<VideoArn> parse(String arn) {
        Matcher matcher = arn == null ? null : ARN.matcher(arn);
        if (matcher == null || !matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new VideoArn(matcher.group(1), matcher.group(2), matcher.group(3), matcher.group(4),
            Long.parseLong(matcher.group(5))));
    }

    boolean isStream() {
        return resourceType.equals("stream");
    }
}
