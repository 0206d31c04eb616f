package dev.freshet.tests.harness;

import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Catches the service error a call must raise, unwrapping async wrappers. */
public final class Errors {
    private Errors() {
    }

    /** Runs the call, which must fail with an AWS service error, and returns that error. */
    public static AwsServiceException serviceError(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof AwsServiceException aws) {
                return aws;
            }
        }
        return fail("expected an AWS service error but got " + thrown, thrown);
    }

    /** The error's {@code message} as the service sent it (without the SDK's suffix). */
    public static String message(AwsServiceException e) {
        return e.awsErrorDetails().errorMessage();
    }

    public static String code(AwsServiceException e) {
        return e.awsErrorDetails().errorCode();
    }
}
