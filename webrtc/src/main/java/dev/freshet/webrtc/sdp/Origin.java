package dev.freshet.webrtc.sdp;

import java.util.Objects;

import static dev.freshet.webrtc.sdp.SdpValues.fields;
import static dev.freshet.webrtc.sdp.SdpValues.malformed;
import static dev.freshet.webrtc.sdp.SdpValues.quote;

/**
 * The {@code o=} line (RFC 8866 section 5.2): {@code <username> <sess-id> <sess-version> <nettype> <addrtype>
 * <unicast-address>}. Browsers send a 64-bit session id that may not fit a {@code long}, so ids stay text.
 *
 * @param username       {@code -} from every WebRTC stack
 * @param sessionId      digits, kept as written
 * @param sessionVersion digits, kept as written; raised by the offerer on each renegotiation
 * @param netType        {@code IN}
 * @param addressType    {@code IP4} or {@code IP6}
 * @param address        meaningless in WebRTC; {@code 127.0.0.1} or {@code 0.0.0.0}
 */
public record Origin(String username, String sessionId, String sessionVersion, String netType, String addressType,
                     String address) {

    public Origin {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(sessionVersion, "sessionVersion");
        Objects.requireNonNull(netType, "netType");
        Objects.requireNonNull(addressType, "addressType");
        Objects.requireNonNull(address, "address");
    }

    /** The origin Freshet puts in its answers. */
    public static Origin local(long sessionId) {
        return new Origin("-", Long.toUnsignedString(sessionId), "2", "IN", "IP4", "127.0.0.1");
    }

    static Origin parse(String value) {
        String[] f = fields(value);
        if (f.length != 6) {
            throw malformed(SdpMalformed.MISSING_ORIGIN, "o= needs 6 fields: " + quote(value));
        }
        return new Origin(f[0], f[1], f[2], f[3], f[4], f[5]);
    }

    String format() {
        return String.join(" ", username, sessionId, sessionVersion, netType, addressType, address);
    }
}
