package dev.freshet.web.video;

import dev.freshet.fragments.video.VideoErrorType;
import dev.freshet.fragments.video.VideoException;
import dev.freshet.web.protocol.AwsError;

/**
 * The one table from the video services' error types to the wire: the HTTP status each error has
 * in the Kinesis Video Streams models (404 for the not-found errors, 401 for the authorization
 * errors, 400 for everything else) and its name as the error type.
 *
 * <p>Stateless and thread-safe.
 */
public final class VideoErrors {

    private VideoErrors() {
    }

    public static AwsError of(VideoException e) {
        return new AwsError(e.type().awsName(), status(e.type()), e.getMessage());
    }

    static int status(VideoErrorType type) {
        return switch (type) {
            case RESOURCE_NOT_FOUND, STREAM_EDGE_CONFIGURATION_NOT_FOUND -> 404;
            case ACCESS_DENIED, NOT_AUTHORIZED -> 401;
            case ACCOUNT_CHANNEL_LIMIT_EXCEEDED, ACCOUNT_STREAM_LIMIT_EXCEEDED, CLIENT_LIMIT_EXCEEDED,
                CONNECTION_LIMIT_EXCEEDED, DEVICE_STREAM_LIMIT_EXCEEDED, INVALID_ARGUMENT,
                INVALID_CODEC_PRIVATE_DATA, INVALID_DEVICE, INVALID_ENDPOINT, INVALID_MEDIA_FRAME,
                INVALID_RESOURCE_FORMAT, MISSING_CODEC_PRIVATE_DATA, NO_DATA_RETENTION, RESOURCE_IN_USE,
                TAGS_PER_RESOURCE_EXCEEDED_LIMIT, UNSUPPORTED_STREAM_MEDIA_TYPE, VERSION_MISMATCH -> 400;
        };
    }
}
