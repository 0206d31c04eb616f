package dev.freshet.webrtc.sdp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The offers under {@code src/test/resources/sdp}, written as the named clients write them. */
final class Offers {

    static final String CHROME_WHIP = "chrome-whip-offer.sdp";
    static final String FIREFOX_WHIP = "firefox-whip-offer.sdp";
    static final String GSTREAMER = "gstreamer-webrtcbin-offer.sdp";
    static final String KVS_C_SDK = "kvs-c-sdk-offer.sdp";
    static final String WHEP_RECVONLY = "whep-recvonly-offer.sdp";
    /** Headless Chromium's answer to {@link OfferBuilder#offer} (storage session), its fake camera and microphone. */
    static final String CHROME_STORAGE_ANSWER = "chrome-storage-answer.sdp";
    static final List<String> ALL = List.of(CHROME_WHIP, FIREFOX_WHIP, GSTREAMER, KVS_C_SDK, WHEP_RECVONLY);

    private Offers() {
    }

    static String text(String name) {
        try (InputStream in = Offers.class.getResourceAsStream("/sdp/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource sdp/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SessionDescription parse(String name) {
        return SessionDescription.parse(text(name));
    }
}
