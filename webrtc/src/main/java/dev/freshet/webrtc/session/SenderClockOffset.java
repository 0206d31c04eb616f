package dev.freshet.webrtc.session;

/**
 * Maps a publisher's NTP clock, as its RTCP Sender Reports give it (RFC 3550 6.4.1), onto the
 * server's epoch clock: the offset is taken once, at the first report of the peer, and kept for
 * every stream of it, as libwebrtc's RemoteNtpTimeEstimator maps a sender's clock to the receiver's.
 *
 * <pre>
 *   offset  = arrival of the peer's first Sender Report - its NTP time (epoch micros)
 *   capture = report NTP + offset   (for every later report, of any of the peer's streams)
 * </pre>
 *
 * <p>Why: a camera's clock may be seconds away from the server's (a device without NTP; GStreamer
 * counts its reports' NTP from its pipeline start). Taken as they are, the reports would step a
 * stream's frames back in time from the arrival-time stamps it had before its first report, and
 * frames stamped earlier than ones already stored are dropped. One offset for the whole peer keeps
 * the audio/video alignment the reports carry.
 *
 * <p>Not thread-safe: confine it to the peer's lock.
 */
final class SenderClockOffset {

    private boolean known;
    private long offsetMicros;

    /** The offset (server minus sender clock, microseconds), fixed by the first report it is asked about. */
    long offsetMicros(long reportEpochMicros, long arrivalEpochMicros) {
        if (!known) {
            offsetMicros = arrivalEpochMicros - reportEpochMicros;
            known = true;
        }
        return offsetMicros;
    }
}
