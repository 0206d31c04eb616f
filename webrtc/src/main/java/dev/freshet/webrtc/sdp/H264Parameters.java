package dev.freshet.webrtc.sdp;

import java.util.Objects;
import java.util.Optional;

/**
 * The H.264 format parameters that decide whether Freshet can take a payload type (RFC 6184 section 8.1).
 *
 * @param packetizationMode     0 single NAL unit, 1 non-interleaved (STAP-A, FU-A), 2 interleaved; 0 when absent
 * @param profileLevelId        empty when the value is not a profile WebRTC knows
 * @param levelAsymmetryAllowed {@code level-asymmetry-allowed=1} (RFC 6184 section 8.2.2)
 */
public record H264Parameters(int packetizationMode, Optional<H264ProfileLevelId> profileLevelId,
                             boolean levelAsymmetryAllowed) {

    public H264Parameters {
        Objects.requireNonNull(profileLevelId, "profileLevelId");
    }

    /** The parameters of an {@code a=fmtp}, with RFC 6184 defaults for those absent; -1 for a bad mode. */
    public static H264Parameters of(Fmtp fmtp) {
        String mode = fmtp.get("packetization-mode").orElse("0");
        String profile = fmtp.get("profile-level-id").orElse(H264ProfileLevelId.DEFAULT);
        return new H264Parameters(SdpValues.isNumber(mode) ? Integer.parseInt(mode) : -1,
            H264ProfileLevelId.parse(profile), fmtp.get("level-asymmetry-allowed").filter("1"::equals).isPresent());
    }
}
