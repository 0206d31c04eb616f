package dev.freshet.webrtc.sdp;

import dev.freshet.webrtc.MalformedInputException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnswerBuilderTest {

    private static final Fingerprint LOCAL_FINGERPRINT = Fingerprint.of("sha-256", new byte[32]);
    private static final Candidate HOST = Candidate.host("1", "192.0.2.10", 8189);
    private static final LocalParameters RECEIVING = LocalParameters.receiving("frsh", "freshetfreshetfreshet22",
        LOCAL_FINGERPRINT, List.of(HOST), 42);
    private static final LocalParameters SENDING = LocalParameters.sending("frsh", "freshetfreshetfreshet22",
        LOCAL_FINGERPRINT, List.of(HOST), 43, "freshet-cname", 1111, 2222);

    @Test
    void chromeWhipOfferGetsConstrainedBaselineModeOneAndOpus() {
        AnswerResult result = AnswerBuilder.answer(Offers.parse(Offers.CHROME_WHIP), RECEIVING);

        NegotiatedMedia audio = result.media().get(0);
        NegotiatedMedia video = result.media().get(1);
        assertThat(audio.codec().codec()).isEqualTo(new RtpMap(111, "opus", 48000, 2));
        assertThat(OpusParameters.of(audio.codec().parameters()).useInbandFec()).isTrue();
        assertThat(audio.direction()).isEqualTo(Direction.RECVONLY);
        assertThat(video.codec().payloadType()).isEqualTo(106);
        assertThat(video.codec().rtxPayloadType()).isEqualTo(107);
        assertThat(video.codec().feedback()).extracting(RtcpFeedback::format)
            .containsExactly("106 transport-cc", "106 ccm fir", "106 nack", "106 nack pli");
        assertThat(video.extensionIds()).containsOnly(java.util.Map.entry(Extmap.ABS_SEND_TIME, 2),
            java.util.Map.entry(Extmap.TRANSPORT_WIDE_CC, 3), java.util.Map.entry(Extmap.SDES_MID, 4));
        assertThat(video.remoteSsrc()).isEqualTo(2882400001L);
        assertThat(video.remoteRtxSsrc()).isEqualTo(2882400002L);
        assertThat(video.localSsrc()).isEqualTo(-1);
        assertThat(result.remoteIceUfrag()).isEqualTo("EsAw");
        assertThat(result.remoteCandidates()).hasSize(3);
        assertThat(result.dtlsServer()).isTrue();
    }

    @Test
    void chromeWhipAnswerText() {
        SessionDescription answer = AnswerBuilder.answer(Offers.parse(Offers.CHROME_WHIP), RECEIVING).answer();
        String text = answer.format();

        assertThat(text).startsWith("v=0\r\no=- 42 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0 1\r\n"
            + "a=ice-lite\r\n");
        assertThat(text).contains("m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n", "m=video 9 UDP/TLS/RTP/SAVPF 106 107\r\n",
            "a=setup:passive\r\n", "a=recvonly\r\n", "a=rtcp-mux\r\n", "a=rtpmap:106 H264/90000\r\n",
            "a=fmtp:106 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f\r\n",
            "a=rtpmap:107 rtx/90000\r\n", "a=fmtp:107 apt=106\r\n", "a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid",
            "a=candidate:1 1 udp 2130706431 192.0.2.10 8189 typ host\r\n", "a=end-of-candidates\r\n",
            "a=fingerprint:sha-256 00:00:00");
        assertThat(text).doesNotContain("VP8", "goog-remb", "a=ssrc", "actpass", "urn:3gpp:video-orientation");
        assertThat(SessionDescription.parse(text)).isEqualTo(answer);
    }

    @Test
    void withoutTheTransportSequenceNumberNeitherTransportCcNorRembIsKept() {
        String offer = Offers.text(Offers.CHROME_WHIP).replaceAll("a=extmap:3 [^\r\n]*\r?\n", "");

        AnswerResult result = AnswerBuilder.answer(SessionDescription.parse(offer), RECEIVING);

        assertThat(result.media().get(1).codec().feedback()).extracting(RtcpFeedback::format)
            .containsExactly("106 ccm fir", "106 nack", "106 nack pli");
        assertThat(result.answer().format()).doesNotContain("goog-remb", "transport-cc");
    }

    @Test
    void firefoxOfferGetsModeOneH264AndItsRtx() {
        AnswerResult result = AnswerBuilder.answer(Offers.parse(Offers.FIREFOX_WHIP), RECEIVING);

        assertThat(result.media()).extracting(m -> m.codec().payloadType()).containsExactly(109, 126);
        assertThat(result.media().get(1).codec().rtxPayloadType()).isEqualTo(127);
        assertThat(result.remoteFingerprint().hex()).startsWith("3D:1C");
        assertThat(result.media().get(1).extensionIds()).containsKeys(Extmap.TRANSPORT_WIDE_CC, Extmap.SDES_MID);
    }

    @Test
    void gstreamerBundleOnlyAudioIsAccepted() {
        AnswerResult result = AnswerBuilder.answer(Offers.parse(Offers.GSTREAMER), RECEIVING);

        assertThat(result.answer().bundle()).containsExactly("video0", "audio1");
        assertThat(result.media()).extracting(NegotiatedMedia::kind).containsExactly(MediaKind.VIDEO, MediaKind.AUDIO);
        assertThat(result.media().get(1).codec().codec().encodingName()).isEqualTo("OPUS");
        assertThat(result.media().get(0).codec().feedback()).extracting(RtcpFeedback::format)
            .containsExactly("96 nack", "96 nack pli", "96 ccm fir");
        assertThat(result.answer().media()).allSatisfy(m -> assertThat(m.port()).isEqualTo(9));
    }

    @Test
    void kvsSendrecvOfferIsAnsweredRecvonlyWithTransportCc() {
        AnswerResult result = AnswerBuilder.answer(Offers.parse(Offers.KVS_C_SDK), RECEIVING);

        NegotiatedMedia video = result.media().get(0);
        assertThat(video.direction()).isEqualTo(Direction.RECVONLY);
        assertThat(video.codec().payloadType()).isEqualTo(125);
        assertThat(video.codec().rtxPayloadType()).isEqualTo(126);
        assertThat(video.codec().hasFeedback("transport-cc", "")).isTrue();
        assertThat(video.codec().hasFeedback("goog-remb", "")).isFalse();
        assertThat(video.remoteSsrc()).isEqualTo(846930886L);
    }

    @Test
    void whepViewerOfferIsAnsweredSendonlyWithTheServerSsrcs() {
        AnswerResult result = AnswerBuilder.answer(Offers.parse(Offers.WHEP_RECVONLY), SENDING);

        assertThat(result.media()).extracting(NegotiatedMedia::direction)
            .containsOnly(Direction.SENDONLY);
        assertThat(result.media()).extracting(NegotiatedMedia::localSsrc).containsExactly(1111L, 2222L);
        assertThat(result.media().get(1).codec().hasRtx()).isFalse();
        MediaDescription video = result.answer().media().get(1);
        assertThat(video.sources().ssrcs()).contains(new SsrcAttribute(2222, "cname", "freshet-cname"));
        assertThat(video.sources().msid()).isEqualTo("freshet video");
        assertThat(result.answer().msidSemantic()).isEqualTo("WMS freshet");
    }

    @Test
    void whipOfferCannotBeAnsweredBySendingServer() {
        assertReason(Offers.text(Offers.CHROME_WHIP), SENDING, NegotiationFailure.NO_USABLE_MEDIA);
    }

    @Test
    void modeZeroIsTakenWhenNoModeOneIsOffered() {
        String modeZeroOnly = Offers.text(Offers.CHROME_WHIP).replace("packetization-mode=1", "packetization-mode=2");

        AnswerResult result = AnswerBuilder.answer(SessionDescription.parse(modeZeroOnly), RECEIVING);

        assertThat(result.media().get(1).codec().payloadType()).isEqualTo(108);
        assertThat(H264Parameters.of(result.media().get(1).codec().parameters()).packetizationMode()).isZero();
    }

    @Test
    void videoWithoutH264IsRejectedWithPortZeroAndLeftOutOfBundle() {
        String vp8Only = withoutLines(Offers.text(Offers.CHROME_WHIP), "H264");

        AnswerResult result = AnswerBuilder.answer(SessionDescription.parse(vp8Only), RECEIVING);

        MediaDescription video = result.answer().media().get(1);
        assertThat(video.port()).isZero();
        assertThat(video.mid()).isEqualTo("1");
        assertThat(video.direction()).isEqualTo(Direction.INACTIVE);
        assertThat(result.answer().bundle()).containsExactly("0");
        assertThat(result.media()).extracting(NegotiatedMedia::kind).containsExactly(MediaKind.AUDIO);
    }

    @Test
    void secondVideoSectionIsRejected() {
        String twoVideos = Offers.text(Offers.GSTREAMER).replace("a=group:BUNDLE video0 audio1",
            "a=group:BUNDLE video0 audio1 video2") + Offers.text(Offers.GSTREAMER).substring(
            Offers.text(Offers.GSTREAMER).indexOf("m=video"), Offers.text(Offers.GSTREAMER).indexOf("m=audio"))
            .replace("a=mid:video0", "a=mid:video2");

        AnswerResult result = AnswerBuilder.answer(SessionDescription.parse(twoVideos), RECEIVING);

        assertThat(result.answer().media()).extracting(MediaDescription::port).containsExactly(9, 9, 0);
    }

    @Test
    void offerSayingPassiveMakesTheServerTheDtlsClient() {
        AnswerResult result = AnswerBuilder.answer(SessionDescription.parse(
            Offers.text(Offers.CHROME_WHIP).replace("a=setup:actpass", "a=setup:passive")), RECEIVING);

        assertThat(result.dtlsServer()).isFalse();
        assertThat(result.answer().media().get(0).transport().setup()).contains(Setup.ACTIVE);
    }

    @Test
    void refusals() {
        String chrome = Offers.text(Offers.CHROME_WHIP);
        assertReason(withoutLines(chrome, "a=rtcp-mux"), RECEIVING, NegotiationFailure.NO_RTCP_MUX);
        assertReason(withoutLines(chrome, "a=group:BUNDLE"), RECEIVING, NegotiationFailure.NO_BUNDLE);
        assertReason(withoutLines(chrome, "a=mid:"), RECEIVING, NegotiationFailure.NO_BUNDLE);
        assertReason(withoutLines(chrome, "a=fingerprint"), RECEIVING, NegotiationFailure.MISSING_FINGERPRINT);
        assertReason(withoutLines(chrome, "a=ice-pwd"), RECEIVING, NegotiationFailure.MISSING_ICE_CREDENTIALS);
        assertReason(chrome.replace("a=setup:actpass", "a=setup:holdconn"), RECEIVING, NegotiationFailure.BAD_SETUP);
        assertReason(withoutLines(withoutLines(chrome, "H264"), "opus"), RECEIVING, NegotiationFailure.NO_USABLE_MEDIA);
        assertReason(chrome.replace("UDP/TLS/RTP/SAVPF", "RTP/AVP"), RECEIVING, NegotiationFailure.NO_USABLE_MEDIA);
    }

    private static String withoutLines(String sdp, String containing) {
        UnaryOperator<String> keep = line -> line.contains(containing) ? "" : line + "\n";
        return sdp.lines().map(keep).reduce("", String::concat);
    }

    private static void assertReason(String offer, LocalParameters local, NegotiationFailure reason) {
        assertThatThrownBy(() -> AnswerBuilder.answer(SessionDescription.parse(offer), local))
            .isInstanceOf(MalformedInputException.class)
            .extracting(e -> ((MalformedInputException) e).reason()).isEqualTo(reason);
    }
}
