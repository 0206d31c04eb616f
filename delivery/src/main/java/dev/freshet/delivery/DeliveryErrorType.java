package dev.freshet.delivery;

/** The Firehose API's error types, with the HTTP status the service answers them with. */
public enum DeliveryErrorType {
    INVALID_ARGUMENT("InvalidArgumentException", 400),
    INVALID_SOURCE("InvalidSourceException", 400),
    INVALID_KMS_RESOURCE("InvalidKMSResourceException", 400),
    RESOURCE_NOT_FOUND("ResourceNotFoundException", 400),
    RESOURCE_IN_USE("ResourceInUseException", 400),
    LIMIT_EXCEEDED("LimitExceededException", 400),
    CONCURRENT_MODIFICATION("ConcurrentModificationException", 400),
    SERVICE_UNAVAILABLE("ServiceUnavailableException", 503);

    private final String awsName;
    private final int httpStatus;

    DeliveryErrorType(String awsName, int httpStatus) {
        this.awsName = awsName;
        this.httpStatus = httpStatus;
    }

    /** The {@code __type} the service answers, e.g. {@code ResourceNotFoundException}. */
    public String awsName() {
        return awsName;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
