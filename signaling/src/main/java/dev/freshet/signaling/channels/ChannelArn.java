package dev.freshet.signaling.channels;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A signaling channel's ARN, shaped like the service's:
 * {@code arn:aws:kinesisvideo:<region>:<account>:channel/<name>/<creation epoch millis>}. A channel
 * created again under the same name has another ARN.
 *
 * <p>Immutable and thread-safe.
 */
public record ChannelArn(String region, String accountId, String name, long createdMillis) {

    private static final Pattern ARN =
        Pattern.compile("arn:[a-z\\d-]+:kinesisvideo:([a-z0-9-]+):([0-9]+):channel/([a-zA-Z0-9_.-]+)/([0-9]{1,18})");

    /** The ARN, if {@code text} is a signaling-channel ARN (whatever region or account it names). */
    public static Optional<ChannelArn> parse(String text) {
        Matcher matcher = text == null ? null : ARN.matcher(text);
        if (matcher == null || !matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ChannelArn(matcher.group(1), matcher.group(2), matcher.group(3),
            Long.parseLong(matcher.group(4))));
    }

    /** Whether {@code text} names a signaling channel rather than a stream (or nothing). */
    public static boolean isChannel(String text) {
        return parse(text).isPresent();
    }

    @Override
    public String toString() {
        return "arn:aws:kinesisvideo:" + region + ":" + accountId + ":channel/" + name + "/" + createdMillis;
    }
}
