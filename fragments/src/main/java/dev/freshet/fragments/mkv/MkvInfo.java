package dev.freshet.fragments.mkv;

/**
 * A Segment's Info element (RFC 9559 section 5.1.2).
 *
 * @param timecodeScaleNanos nanoseconds per timecode unit (TimestampScale), 1,000,000 when absent
 * @param muxingApp          the muxing library, may be empty
 * @param writingApp         the writing application, may be empty
 */
public record MkvInfo(long timecodeScaleNanos, String muxingApp, String writingApp) {

    /** The TimestampScale default: timecodes in milliseconds. */
    public static final long DEFAULT_TIMECODE_SCALE = 1_000_000L;
}
