package dev.freshet.web.kinesis;

import dev.freshet.datastreams.kinesis.KinesisErrorType;
import dev.freshet.datastreams.kinesis.KinesisException;
import dev.freshet.web.protocol.AwsError;

/** The one table from the services' error types to the wire's. Stateless. */
final class KinesisErrors {

    private KinesisErrors() {
    }

    static AwsError of(KinesisException e) {
        return of(e.type(), e.getMessage());
    }

    static AwsError of(KinesisErrorType type, String message) {
        return switch (type) {
            case RESOURCE_NOT_FOUND -> AwsError.resourceNotFound(message);
            case RESOURCE_IN_USE -> AwsError.resourceInUse(message);
            case INVALID_ARGUMENT -> AwsError.invalidArgument(message);
            case LIMIT_EXCEEDED -> AwsError.limitExceeded(message);
            case EXPIRED_ITERATOR -> AwsError.expiredIterator(message);
            case EXPIRED_NEXT_TOKEN -> AwsError.expiredNextToken(message);
            case PROVISIONED_THROUGHPUT_EXCEEDED -> AwsError.provisionedThroughputExceeded(message);
            case VALIDATION -> AwsError.validation(message);
            case ACCESS_DENIED -> AwsError.accessDenied(message);
            case INTERNAL_FAILURE -> AwsError.internalFailure();
        };
    }
}
