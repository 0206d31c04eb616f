package dev.freshet.webrtc.sdp;

/**
 * The Opus format parameters (RFC 7587 section 6.1) the receive side cares about. Opus is always
 * {@code opus/48000/2} in SDP, whatever is actually sent; {@code stereo} says what the receiver prefers.
 *
 * @param stereo            {@code stereo=1}
 * @param useInbandFec      {@code useinbandfec=1}: packets may carry FEC of the previous frame
 * @param useDtx            {@code usedtx=1}: silence may be sent as gaps
 * @param minPtime          {@code minptime} in ms, 0 when absent
 * @param maxAverageBitrate {@code maxaveragebitrate} in bit/s, 0 when absent
 */
public record OpusParameters(boolean stereo, boolean useInbandFec, boolean useDtx, int minPtime,
                             int maxAverageBitrate) {

    public static OpusParameters of(Fmtp fmtp) {
        return new OpusParameters(flag(fmtp, "stereo"), flag(fmtp, "useinbandfec"), flag(fmtp, "usedtx"),
            number(fmtp, "minptime"), number(fmtp, "maxaveragebitrate"));
    }

    private static boolean flag(Fmtp fmtp, String name) {
        return fmtp.get(name).filter("1"::equals).isPresent();
    }

    private static int number(Fmtp fmtp, String name) {
        return fmtp.get(name).filter(SdpValues::isNumber).map(Integer::parseInt).orElse(0);
    }
}
