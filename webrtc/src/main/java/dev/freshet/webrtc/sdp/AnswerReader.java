package dev.freshet.webrtc.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.freshet.webrtc.sdp.SdpValues.malformed;

/**
 * Reads a camera's answer to an {@link OfferBuilder} offer (RFC 3264 section 6, RFC 8829 section 5.3) into what
 * the receive side needs, the same {@link AnswerResult} a WHIP offer gives:
 * <ul>
 *   <li>The answer has the offer's m-lines, same kinds and mids, else {@link NegotiationFailure#ANSWER_MISMATCH}.</li>
 *   <li>A section is used when its port is not 0, it flows the offer's way (it sends, {@code sendonly} or
 *       {@code sendrecv}, to a {@code recvonly} offer; it receives, {@code recvonly} or {@code sendrecv}, from a
 *       {@link OfferBuilder#sending sendonly} offer to a viewer, whose own media is ignored) and it keeps a
 *       codec {@link CodecSelector} takes (H.264 among {@link CodecSelector#STORABLE_PROFILES}, Opus); the payload
 *       type, RTX and feedback are the answer's, and each must be one the offer gave the same codec. The first
 *       usable section of each kind is used; none at all is {@link NegotiationFailure#NO_USABLE_MEDIA}.</li>
 *   <li>Used sections pass the {@link BundleTransport} checks (BUNDLE, rtcp-mux, fingerprint, ICE credentials).</li>
 *   <li>DTLS role (RFC 8842 section 5.3): {@code setup:active} makes Freshet the DTLS server, {@code passive} the
 *       client; no {@code a=setup} reads as passive (RFC 4145 section 4.1); {@code actpass} or {@code holdconn}
 *       is {@link NegotiationFailure#BAD_SETUP}.</li>
 * </ul>
 * Stateless.
 */
public final class AnswerReader {

    private AnswerReader() {
    }

    /**
     * What {@code answer} settled for {@code offer}.
     *
     * @throws dev.freshet.webrtc.MalformedInputException with a {@link NegotiationFailure} reason
     */
    public static AnswerResult read(SessionDescription offer, SessionDescription answer) {
        if (answer.media().size() != offer.media().size()) {
            throw malformed(NegotiationFailure.ANSWER_MISMATCH, "the answer has " + answer.media().size()
                + " media sections, the offer " + offer.media().size());
        }
        List<NegotiatedMedia> negotiated = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < answer.media().size(); i++) {
            MediaDescription section = answer.media().get(i);
            Optional<CodecChoice> choice = usable(offer.media().get(i), section);
            if (choice.isPresent() && negotiated.stream().noneMatch(m -> m.kind() == section.kind())) {
                BundleTransport.check(answer, section);
                MediaDescription offered = offer.media().get(i);
                negotiated.add(offered.direction() == Direction.SENDONLY
                    ? NegotiatedMedia.sent(i, offered, section, choice.get())
                    : NegotiatedMedia.received(i, section, choice.get()));
                candidates.addAll(section.candidates());
            }
        }
        if (negotiated.isEmpty()) {
            throw malformed(NegotiationFailure.NO_USABLE_MEDIA, "the answer exchanges no H.264 or Opus with the server");
        }
        TransportAttributes remote = answer.transport(answer.media().get(negotiated.get(0).mlineIndex()));
        return new AnswerResult(answer, negotiated, remote.iceUfrag(), remote.icePwd(),
            remote.fingerprint().orElseThrow(), candidates, freshetIsDtlsServer(remote.setup()));
    }

    /** The codec the answer's section sends with, empty when it sends nothing Freshet stores. */
    private static Optional<CodecChoice> usable(MediaDescription offered, MediaDescription answered) {
        if (answered.kind() != offered.kind() || !answered.mid().equals(offered.mid())) {
            throw malformed(NegotiationFailure.ANSWER_MISMATCH, "answer section " + SdpValues.quote(
                answered.kind().token() + " mid " + answered.mid()) + " is not the offer's "
                + offered.kind().token() + " mid " + offered.mid());
        }
        boolean flows = offered.direction() == Direction.SENDONLY ? answered.direction().receives()
            : answered.direction().sends();
        if (answered.port() == 0 || !flows || !answered.isRtp()) {
            return Optional.empty();
        }
        Optional<CodecChoice> choice = CodecSelector.select(answered, CodecSelector.STORABLE_PROFILES);
        choice.ifPresent(c -> {
            checkOffered(offered, c.codec());
            if (c.hasRtx()) {
                checkOffered(offered, new RtpMap(c.rtxPayloadType(), "rtx", c.codec().clockRate(), 0));
            }
        });
        return choice;
    }

    private static void checkOffered(MediaDescription offered, RtpMap answered) {
        boolean same = offered.payloadTypes().contains(answered.payloadType()) && offered.rtp().rtpMap(
            answered.payloadType()).filter(m -> m.is(answered.encodingName(), answered.clockRate())).isPresent();
        if (!same) {
            throw malformed(NegotiationFailure.ANSWER_MISMATCH, "payload type " + answered.payloadType() + " ("
                + SdpValues.quote(answered.encodingName()) + ") was not offered as such");
        }
    }

    private static boolean freshetIsDtlsServer(Optional<Setup> setup) {
        return switch (setup.orElse(Setup.PASSIVE)) {
            case ACTIVE -> true;
            case PASSIVE -> false;
            case ACTPASS, HOLDCONN -> throw malformed(NegotiationFailure.BAD_SETUP, "an answer must say setup:active "
                + "or setup:passive, not " + setup.get().token());
        };
    }
}
