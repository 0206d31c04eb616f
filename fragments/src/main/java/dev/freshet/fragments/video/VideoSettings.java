package dev.freshet.fragments.video;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;

/**
 * How the video-stream control plane behaves: the identity in ARNs and the length of the timed
 * statuses.
 *
 * <p>Immutable and thread-safe.
 *
 * @param region          region named in ARNs
 * @param accountId       12-digit account named in ARNs
 * @param transitionDelay how long CREATING, UPDATING and DELETING last (the server's
 *                        {@code stream-transition-millis})
 * @param clock           the time source
 */
public record VideoSettings(String region, String accountId, Duration transitionDelay, InstantSource clock) {

    public VideoSettings {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(transitionDelay, "transitionDelay");
        Objects.requireNonNull(clock, "clock");
        if (accountId == null || !accountId.matches("\\d{12}")) {
            throw new IllegalArgumentException("account id must be 12 digits: " + accountId);
        }
        if (transitionDelay.isNegative()) {
            throw new IllegalArgumentException("transition delay must not be negative: " + transitionDelay);
        }
    }

    public static VideoSettings defaults() {
        return new VideoSettings("us-east-1", "000000000000", Duration.ofMillis(500), InstantSource.system());
    }

    public VideoSettings withClock(InstantSource newClock) {
        return new VideoSettings(region, accountId, transitionDelay, newClock);
    }

    public VideoSettings withTransitionDelay(Duration delay) {
        return new VideoSettings(region, accountId, delay, clock);
    }

    /** {@code arn:aws:kinesisvideo:<region>:<account>:stream/<name>/<creation epoch millis>}. */
    public String streamArn(String streamName, long createdMillis) {
        return "arn:aws:kinesisvideo:" + region + ":" + accountId + ":stream/" + streamName + "/" + createdMillis;
    }

    /** The KMS key the service names for streams created without one (its managed key). */
    public String defaultKmsKeyArn() {
        return "arn:aws:kms:" + region + ":" + accountId + ":alias/aws/kinesisvideo";
    }
}
