package dev.freshet.webrtc.receive;

/**
 * Which RTCP feedback a stream's sender agreed to (the answer's {@code a=rtcp-fb} lines, RFC 4585
 * section 4.2; FIR is RFC 5104 {@code ccm fir}): a receiver sends no feedback message the sender did
 * not agree to. Receiver reports need no agreement.
 *
 * <p>Immutable and thread-safe.
 *
 * @param nack generic NACK ({@code nack})
 * @param pli  picture loss indication ({@code nack pli})
 * @param fir  full intra request ({@code ccm fir})
 */
public record NegotiatedFeedback(boolean nack, boolean pli, boolean fir) {

    /** What every browser and GStreamer negotiate for video. */
    public static final NegotiatedFeedback ALL = new NegotiatedFeedback(true, true, true);

    /** Whether keyframes can be asked for at all, with PLI or FIR. */
    public boolean keyframeRequests() {
        return pli || fir;
    }
}
