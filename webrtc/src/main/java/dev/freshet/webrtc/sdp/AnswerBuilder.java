package dev.freshet.webrtc.sdp;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.freshet.webrtc.sdp.SdpValues.malformed;

/**
 * Answers an offer (RFC 8829 section 5.3, RFC 3264 section 6) as Freshet's WebRTC endpoint: ICE lite on one UDP
 * port, everything in one BUNDLE transport with rtcp-mux, DTLS server unless the offerer insists on being it.
 * <ul>
 *   <li>A media section is accepted when it is audio or video over {@code .../RTP/SAVPF}, flows the way the
 *       server needs (a publisher sends, a viewer receives) and offers a codec {@link CodecSelector} takes; only
 *       the first such section of each kind is accepted, as a stream has one video and one audio track.</li>
 *   <li>Other sections are rejected with port 0 (RFC 3264 section 6) and left out of the BUNDLE group.</li>
 *   <li>Accepted sections must be in the offer's BUNDLE group with rtcp-mux, ICE credentials and a fingerprint,
 *       else the whole offer is refused with a {@link NegotiationFailure}.</li>
 *   <li>{@code setup:actpass} or {@code active} is answered {@code passive}; {@code passive} is answered
 *       {@code active} (RFC 8842 section 5.3).</li>
 *   <li>Header extensions: sdes:mid, abs-send-time and transport-wide-cc keep the offer's ids.</li>
 *   <li>Simulcast (rid, simulcast) is left out of the answer, so the peer sends one layer (RFC 8853 section 5.3).</li>
 * </ul>
 * Stateless.
 */
public final class AnswerBuilder {

    private static final String ANY_ADDRESS = "IN IP4 0.0.0.0";
    private static final String STREAM_ID = "freshet";

    private AnswerBuilder() {
    }

    /**
     * The answer to {@code offer}.
     *
     * @throws dev.freshet.webrtc.MalformedInputException with a {@link NegotiationFailure} reason
     */
    public static AnswerResult answer(SessionDescription offer, LocalParameters local) {
        Map<Integer, CodecChoice> choices = choose(offer, local.role());
        if (choices.isEmpty()) {
            throw malformed(NegotiationFailure.NO_USABLE_MEDIA, "no audio or video section with H.264 or Opus "
                + "flowing " + (local.role() == LocalParameters.Role.RECEIVE ? "to" : "from") + " the server");
        }
        choices.keySet().forEach(i -> BundleTransport.check(offer, offer.media().get(i)));
        TransportAttributes remote = offer.transport(offer.media().get(choices.keySet().iterator().next()));
        Setup setup = answerSetup(remote.setup());
        List<MediaDescription> sections = new ArrayList<>();
        List<NegotiatedMedia> negotiated = new ArrayList<>();
        List<Candidate> remoteCandidates = new ArrayList<>();
        for (int i = 0; i < offer.media().size(); i++) {
            MediaDescription offered = offer.media().get(i);
            CodecChoice choice = choices.get(i);
            if (choice == null) {
                sections.add(rejected(offered));
                continue;
            }
            NegotiatedMedia media = negotiate(i, offered, choice, local);
            negotiated.add(media);
            sections.add(AnswerSection.accepted(offered, media, local, setup));
            remoteCandidates.addAll(offered.candidates());
        }
        SessionDescription answer = new SessionDescription(Origin.local(local.sessionId()), "-", "0 0", "",
            TransportAttributes.NONE, true, negotiated.stream().map(NegotiatedMedia::mid).toList(),
            offer.extmapAllowMixed(), local.role() == LocalParameters.Role.SEND ? "WMS " + STREAM_ID : "",
            List.of(), sections);
        return new AnswerResult(answer, negotiated, remote.iceUfrag(), remote.icePwd(),
            remote.fingerprint().orElseThrow(), remoteCandidates, setup == Setup.PASSIVE);
    }

    /** Index of each accepted section to its codec, in m-line order. */
    private static Map<Integer, CodecChoice> choose(SessionDescription offer, LocalParameters.Role role) {
        Map<Integer, CodecChoice> choices = new LinkedHashMap<>();
        Set<MediaKind> taken = EnumSet.noneOf(MediaKind.class);
        for (int i = 0; i < offer.media().size(); i++) {
            MediaDescription m = offer.media().get(i);
            if (!taken.contains(m.kind()) && usable(m, role)) {
                Optional<CodecChoice> choice = CodecSelector.select(m);
                if (choice.isPresent()) {
                    choices.put(i, choice.get());
                    taken.add(m.kind());
                }
            }
        }
        return choices;
    }

    private static boolean usable(MediaDescription m, LocalParameters.Role role) {
        // a bundle-only section has port 0 yet is offered (RFC 8843 section 6)
        boolean offered = m.port() != 0 || m.otherAttributes().stream().anyMatch(a -> a.name().equals("bundle-only"));
        boolean flows = role == LocalParameters.Role.RECEIVE ? m.direction().sends() : m.direction().receives();
        return offered && flows && m.protocol().endsWith("RTP/SAVPF");
    }

    private static Setup answerSetup(Optional<Setup> offered) {
        // RFC 5763 section 5 makes actpass mandatory for offers; a missing setup is read as actpass, like browsers do
        return switch (offered.orElse(Setup.ACTPASS)) {
            case ACTPASS, ACTIVE -> Setup.PASSIVE;
            case PASSIVE -> Setup.ACTIVE;
            case HOLDCONN -> throw malformed(NegotiationFailure.BAD_SETUP, "setup:holdconn offers no DTLS connection");
        };
    }

    private static NegotiatedMedia negotiate(int index, MediaDescription offered, CodecChoice choice,
                                             LocalParameters local) {
        if (local.role() == LocalParameters.Role.RECEIVE) {
            return NegotiatedMedia.received(index, offered, choice);
        }
        // the server sends without RTX: it would need an RTX SSRC of its own, and retransmits on the media SSRC
        CodecChoice answered = new CodecChoice(choice.codec(), choice.parameters(), choice.feedback(), -1);
        long localSsrc = offered.kind() == MediaKind.AUDIO ? local.audioSsrc() : local.videoSsrc();
        return new NegotiatedMedia(index, offered.mid(), offered.kind(), Direction.SENDONLY, answered,
            NegotiatedMedia.extensionIds(offered), -1, -1, localSsrc, offered.sources().asksForSimulcast());
    }

    private static MediaDescription rejected(MediaDescription offered) {
        return new MediaDescription(offered.kind(), 0, offered.protocol(), offered.formats(), ANY_ADDRESS,
            offered.mid(), Direction.INACTIVE, false, false, TransportAttributes.NONE, List.of(), false,
            RtpParameters.NONE, MediaSources.NONE, List.of());
    }

    /** The stream id the server's outgoing tracks carry in msid. */
    static String streamId() {
        return STREAM_ID;
    }
}
