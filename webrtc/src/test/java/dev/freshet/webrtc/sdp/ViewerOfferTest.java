package dev.freshet.webrtc.sdp;

import dev.freshet.webrtc.MalformedInputException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link OfferBuilder#sending}: a storage session's offer to a viewer, and the viewer's answer read back. */
class ViewerOfferTest {

    private static final LocalParameters SENDING = LocalParameters.sending("frsh", "freshetfreshetfreshet22",
        Fingerprint.of("sha-256", new byte[32]), List.of(Candidate.host("1", "192.0.2.10", 8189)), 42, "freshet",
        1111, 2222);
    private static final CodecChoice PUBLISHER_VIDEO = new CodecChoice(new RtpMap(102, "H264", 90000, 0),
        new Fmtp(102, Map.of("packetization-mode", "1", "profile-level-id", "42e01f")),
        List.of(new RtcpFeedback(102, "transport-cc", "")), 103);
    private static final CodecChoice PUBLISHER_AUDIO = new CodecChoice(new RtpMap(111, "opus", 48000, 2),
        new Fmtp(111, Map.of("minptime", "10", "useinbandfec", "1")), List.of(), -1);
    private static final SessionDescription OFFER = OfferBuilder.sending(SENDING,
        Map.of(MediaKind.VIDEO, PUBLISHER_VIDEO, MediaKind.AUDIO, PUBLISHER_AUDIO));

    /** What Chromium answers to such an offer, trimmed to what the reader looks at. */
    private static final String VIEWER_ANSWER = String.join("\r\n",
        "v=0", "o=- 1 2 IN IP4 127.0.0.1", "s=-", "t=0 0", "a=group:BUNDLE 0 1", "a=msid-semantic: WMS",
        "m=video 9 UDP/TLS/RTP/SAVPF 102", "c=IN IP4 0.0.0.0", "a=rtcp:9 IN IP4 0.0.0.0",
        "a=ice-ufrag:vIeW", "a=ice-pwd:viewerviewerviewerviewer", "a=ice-options:trickle",
        "a=fingerprint:sha-256 " + "AB:".repeat(31) + "AB", "a=setup:active", "a=mid:0", "a=recvonly",
        "a=rtcp-mux", "a=rtpmap:102 H264/90000", "a=rtcp-fb:102 nack", "a=rtcp-fb:102 nack pli",
        "a=rtcp-fb:102 ccm fir", "a=fmtp:102 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f",
        "m=audio 9 UDP/TLS/RTP/SAVPF 111", "c=IN IP4 0.0.0.0", "a=rtcp:9 IN IP4 0.0.0.0",
        "a=ice-ufrag:vIeW", "a=ice-pwd:viewerviewerviewerviewer", "a=ice-options:trickle",
        "a=fingerprint:sha-256 " + "AB:".repeat(31) + "AB", "a=setup:active", "a=mid:1", "a=sendrecv",
        "a=msid:- 0a1b", "a=rtcp-mux", "a=rtpmap:111 opus/48000/2", "a=fmtp:111 minptime=10;useinbandfec=1",
        "a=ssrc:777 cname:viewer", "") + "\r\n";

    @Test
    void theOfferSendsThePublishersCodecsAsNegotiated() {
        assertThat(OFFER.iceLite()).as("controlling, as the storage session's offer to the master").isFalse();
        assertThat(OFFER.bundle()).containsExactly("0", "1");
        MediaDescription video = OFFER.media().get(0);
        MediaDescription audio = OFFER.media().get(1);
        assertThat(video.direction()).isEqualTo(Direction.SENDONLY);
        assertThat(video.payloadTypes()).as("no RTX: retransmissions go on the media SSRC").containsExactly(102);
        assertThat(video.rtp().fmtp(102).parameters()).containsEntry("profile-level-id", "42e01f");
        assertThat(video.rtp().feedback(102)).extracting(RtcpFeedback::format)
            .containsExactly("102 nack", "102 nack pli", "102 ccm fir");
        assertThat(video.sources().primarySsrc()).hasValue(2222);
        assertThat(video.transport().setup()).contains(Setup.ACTPASS);
        assertThat(video.rtcpMux()).isTrue();
        assertThat(audio.direction()).isEqualTo(Direction.SENDONLY);
        assertThat(audio.payloadTypes()).containsExactly(111);
        assertThat(audio.sources().primarySsrc()).hasValue(1111);
        assertThat(SessionDescription.parse(OFFER.format())).isEqualTo(OFFER);
    }

    @Test
    void anAudioOnlyPublisherGivesAnAudioOnlyOffer() {
        SessionDescription offer = OfferBuilder.sending(SENDING, Map.of(MediaKind.AUDIO, PUBLISHER_AUDIO));
        assertThat(offer.media()).extracting(MediaDescription::mid).containsExactly("1");
        assertThatThrownBy(() -> OfferBuilder.sending(SENDING, Map.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theViewersAnswerGivesWhatFreshetSendsWithItsOwnSsrcs() {
        AnswerResult result = AnswerReader.read(OFFER, SessionDescription.parse(VIEWER_ANSWER));

        assertThat(result.media()).extracting(NegotiatedMedia::kind).containsExactly(MediaKind.VIDEO, MediaKind.AUDIO);
        assertThat(result.media()).allSatisfy(m -> assertThat(m.direction()).isEqualTo(Direction.SENDONLY));
        assertThat(result.media().get(0).codec().payloadType()).isEqualTo(102);
        assertThat(result.media().get(0).localSsrc()).isEqualTo(2222);
        assertThat(result.media().get(1).localSsrc()).as("the viewer's own audio SSRC is not ours").isEqualTo(1111);
        assertThat(result.remoteIceUfrag()).isEqualTo("vIeW");
        assertThat(result.dtlsServer()).isTrue();
    }

    @Test
    void aViewerThatReceivesNothingIsRefused() {
        String refusing = VIEWER_ANSWER.replace("a=recvonly", "a=inactive").replace("a=sendrecv", "a=sendonly");
        assertThatThrownBy(() -> AnswerReader.read(OFFER, SessionDescription.parse(refusing)))
            .isInstanceOf(MalformedInputException.class)
            .satisfies(e -> assertThat(((MalformedInputException) e).reason()).isEqualTo(NegotiationFailure.NO_USABLE_MEDIA));
    }

    @Test
    void anAnswerWithACodecThatWasNotOfferedIsRefused() {
        String other = VIEWER_ANSWER.replace("SAVPF 102", "SAVPF 96").replace("rtpmap:102", "rtpmap:96")
            .replace("fmtp:102", "fmtp:96");
        assertThatThrownBy(() -> AnswerReader.read(OFFER, SessionDescription.parse(other)))
            .isInstanceOf(MalformedInputException.class)
            .satisfies(e -> assertThat(((MalformedInputException) e).reason()).isEqualTo(NegotiationFailure.ANSWER_MISMATCH));
    }
}
