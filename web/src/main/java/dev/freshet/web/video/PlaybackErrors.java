package dev.freshet.web.video;

import dev.freshet.fragments.hls.PlaybackException;
import dev.freshet.fragments.video.VideoErrorType;
import dev.freshet.fragments.video.VideoException;

/** The archived-media API's errors for {@link PlaybackException}s (one table). */
final class PlaybackErrors {

    private PlaybackErrors() {
    }

    static VideoException of(PlaybackException e) {
        VideoErrorType type = switch (e.reason()) {
            case NO_FRAGMENTS, NOT_FOUND -> VideoErrorType.RESOURCE_NOT_FOUND;
            case INVALID_SESSION -> VideoErrorType.NOT_AUTHORIZED;
            case INVALID_ARGUMENT -> VideoErrorType.INVALID_ARGUMENT;
            case UNSUPPORTED_MEDIA -> VideoErrorType.UNSUPPORTED_STREAM_MEDIA_TYPE;
        };
        return new VideoException(type, e.getMessage());
    }
}
