package dev.freshet.web.firehose;

import dev.freshet.delivery.DeliveryException;
import dev.freshet.web.protocol.AwsError;

/** The one table from the catalog's error types to the wire's: the type's name and status. Stateless. */
final class FirehoseErrors {

    private FirehoseErrors() {
    }

    static AwsError of(DeliveryException e) {
        return new AwsError(e.type().awsName(), e.type().httpStatus(), e.getMessage());
    }
}
