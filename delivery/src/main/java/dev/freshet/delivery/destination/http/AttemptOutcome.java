package dev.freshet.delivery.destination.http;

/**
 * What one request to the endpoint came to.
 *
 * @param errorCode the service's code for the failure ({@code HttpEndpoint.DestinationException},
 *     {@code HttpEndpoint.RequestTimeout}…), null on success
 * @param errorMessage what went wrong, for the error-output envelope; null on success
 */
record AttemptOutcome(Kind kind, String errorCode, String errorMessage) {

    enum Kind {
        /** 200 with a response that meets the spec. */
        DELIVERED,
        /** Anything else but 413: try again while the retry duration lasts. */
        RETRYABLE,
        /** 413: the endpoint will never take this request; no retry. */
        PERMANENT
    }

    static final String DESTINATION_EXCEPTION = "HttpEndpoint.DestinationException";
    static final String INVALID_RESPONSE = "HttpEndpoint.InvalidResponseFromDestination";
    static final String REQUEST_TIMEOUT = "HttpEndpoint.RequestTimeout";
    static final String RESPONSE_TOO_LARGE = "HttpEndpoint.ResponseTooLarge";
    static final String CONNECTION_FAILED = "HttpEndpoint.ConnectionFailed";
    static final String CONNECTION_RESET = "HttpEndpoint.ConnectionReset";
    static final String SSL_HANDSHAKE_FAILURE = "HttpEndpoint.SSLHandshakeFailure";

    static AttemptOutcome delivered() {
        return new AttemptOutcome(Kind.DELIVERED, null, null);
    }

    static AttemptOutcome retryable(String errorCode, String errorMessage) {
        return new AttemptOutcome(Kind.RETRYABLE, errorCode, errorMessage);
    }

    static AttemptOutcome permanent(String errorCode, String errorMessage) {
        return new AttemptOutcome(Kind.PERMANENT, errorCode, errorMessage);
    }
}
