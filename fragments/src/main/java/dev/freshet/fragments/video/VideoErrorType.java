package dev.freshet.fragments.video;

/**
 * Every error type the Kinesis Video Streams models declare (control plane, media, archived
 * media). The services raise them as {@link VideoException}s; the web module maps each to its
 * HTTP status in one table and sends {@link #awsName()} as the error type.
 */
public enum VideoErrorType {
    ACCESS_DENIED("AccessDeniedException"),
    ACCOUNT_CHANNEL_LIMIT_EXCEEDED("AccountChannelLimitExceededException"),
    ACCOUNT_STREAM_LIMIT_EXCEEDED("AccountStreamLimitExceededException"),
    CLIENT_LIMIT_EXCEEDED("ClientLimitExceededException"),
    CONNECTION_LIMIT_EXCEEDED("ConnectionLimitExceededException"),
    DEVICE_STREAM_LIMIT_EXCEEDED("DeviceStreamLimitExceededException"),
    INVALID_ARGUMENT("InvalidArgumentException"),
    INVALID_CODEC_PRIVATE_DATA("InvalidCodecPrivateDataException"),
    INVALID_DEVICE("InvalidDeviceException"),
    INVALID_ENDPOINT("InvalidEndpointException"),
    INVALID_MEDIA_FRAME("InvalidMediaFrameException"),
    INVALID_RESOURCE_FORMAT("InvalidResourceFormatException"),
    MISSING_CODEC_PRIVATE_DATA("MissingCodecPrivateDataException"),
    NO_DATA_RETENTION("NoDataRetentionException"),
    NOT_AUTHORIZED("NotAuthorizedException"),
    RESOURCE_IN_USE("ResourceInUseException"),
    RESOURCE_NOT_FOUND("ResourceNotFoundException"),
    STREAM_EDGE_CONFIGURATION_NOT_FOUND("StreamEdgeConfigurationNotFoundException"),
    TAGS_PER_RESOURCE_EXCEEDED_LIMIT("TagsPerResourceExceededLimitException"),
    UNSUPPORTED_STREAM_MEDIA_TYPE("UnsupportedStreamMediaTypeException"),
    VERSION_MISMATCH("VersionMismatchException");

    private final String awsName;

    VideoErrorType(String awsName) {
        this.awsName = awsName;
    }

    /** The error type on the wire ({@code x-amzn-ErrorType}), e.g. {@code ResourceNotFoundException}. */
    public String awsName() {
        return awsName;
    }

    public VideoException exception(String format, Object... args) {
        return new VideoException(this, args.length == 0 ? format : String.format(format, args));
    }
}
