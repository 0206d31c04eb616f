package dev.freshet.datastreams.kinesis;

/**
 * The Kinesis Data Streams error types the services raise. The web module maps each to the wire
 * ({@code __type} = {@link #awsName()}, HTTP 400 unless it says otherwise) in one table.
 */
public enum KinesisErrorType {
    RESOURCE_NOT_FOUND("ResourceNotFoundException"),
    RESOURCE_IN_USE("ResourceInUseException"),
    INVALID_ARGUMENT("InvalidArgumentException"),
    LIMIT_EXCEEDED("LimitExceededException"),
    EXPIRED_ITERATOR("ExpiredIteratorException"),
    EXPIRED_NEXT_TOKEN("ExpiredNextTokenException"),
    PROVISIONED_THROUGHPUT_EXCEEDED("ProvisionedThroughputExceededException"),
    VALIDATION("ValidationException"),
    ACCESS_DENIED("AccessDeniedException"),
    INTERNAL_FAILURE("InternalFailure");

    private final String awsName;

    KinesisErrorType(String awsName) {
        this.awsName = awsName;
    }

    public String awsName() {
        return awsName;
    }

    public KinesisException exception(String format, Object... args) {
        return new KinesisException(this, args.length == 0 ? format : String.format(format, args));
    }
}
