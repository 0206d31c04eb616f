package dev.freshet.delivery.process;

import dev.freshet.delivery.process.lambda.LambdaSettings;
import java.time.Clock;
import java.util.Objects;

/**
 * Server-wide settings processors need beyond their configuration.
 *
 * @param lambda how Lambda processors reach functions
 * @param clock the time written into error-output envelopes ({@code attemptEndingTimestamp})
 */
public record ProcessingSettings(LambdaSettings lambda, Clock clock) {

    public ProcessingSettings {
        Objects.requireNonNull(lambda, "lambda");
        Objects.requireNonNull(clock, "clock");
    }

    public static ProcessingSettings defaults() {
        return new ProcessingSettings(LambdaSettings.defaults(), Clock.systemUTC());
    }
}
