package dev.freshet.delivery;

/**
 * A delivery-stream operation refused, in the Firehose API's terms: web/ answers it as
 * {@code {"__type": type.awsName(), "message": getMessage()}} with the type's HTTP status.
 */
public final class DeliveryException extends RuntimeException {

    private final DeliveryErrorType type;

    public DeliveryException(DeliveryErrorType type, String message) {
        super(message);
        this.type = type;
    }

    public DeliveryErrorType type() {
        return type;
    }

    public static DeliveryException invalidArgument(String message) {
        return new DeliveryException(DeliveryErrorType.INVALID_ARGUMENT, message);
    }

    public static DeliveryException notFound(String message) {
        return new DeliveryException(DeliveryErrorType.RESOURCE_NOT_FOUND, message);
    }
}
