package dev.freshet.webrtc.sdp;

import dev.freshet.webrtc.MalformedInputException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnswerReaderTest {

    private static final LocalParameters RECEIVING = LocalParameters.receiving("frsh", "freshetfreshetfreshet22",
        Fingerprint.of("sha-256", new byte[32]), List.of(Candidate.host("1", "192.0.2.10", 8189)), 42);
    private static final SessionDescription OFFER = OfferBuilder.offer(RECEIVING);

    @Test
    void chromiumsAnswerGivesConstrainedBaselineModeOneWithRtxAndOpus() {
        AnswerResult result = AnswerReader.read(OFFER, Offers.parse(Offers.CHROME_STORAGE_ANSWER));

        NegotiatedMedia video = result.media().get(0);
        NegotiatedMedia audio = result.media().get(1);
        assertThat(video.kind()).isEqualTo(MediaKind.VIDEO);
        assertThat(video.mid()).isEqualTo("0");
        assertThat(video.direction()).isEqualTo(Direction.RECVONLY);
        assertThat(video.codec().payloadType()).isEqualTo(96);
        assertThat(video.codec().rtxPayloadType()).isEqualTo(97);
        assertThat(video.codec().feedback()).extracting(RtcpFeedback::format)
            .containsExactly("96 ccm fir", "96 nack", "96 nack pli");
        assertThat(video.remoteSsrc()).isEqualTo(3293544554L);
        assertThat(video.remoteRtxSsrc()).isEqualTo(3936938154L);
        assertThat(video.localSsrc()).isEqualTo(-1);
        assertThat(audio.codec().codec()).isEqualTo(new RtpMap(111, "opus", 48000, 2));
        assertThat(audio.remoteSsrc()).isEqualTo(2265097990L);
        assertThat(result.remoteIceUfrag()).isEqualTo("roCk");
        assertThat(result.remoteFingerprint().algorithm()).isEqualTo("sha-256");
        assertThat(result.dtlsServer()).as("Chromium says setup:active: Freshet is the DTLS server").isTrue();
    }

    @Test
    void anAnswerKeepingTransportCcAndItsExtensionGetsTransportWideFeedback() {
        AnswerResult result = read(sdp -> sdp.replace("a=rtcp-fb:96 nack\r\n",
            "a=rtcp-fb:96 nack\r\na=rtcp-fb:96 transport-cc\r\n").replace("a=mid:0\r\n",
            "a=mid:0\r\na=extmap:1 " + Extmap.TRANSPORT_WIDE_CC + "\r\n"));

        NegotiatedMedia video = result.media().get(0);
        assertThat(video.codec().hasFeedback("transport-cc", "")).isTrue();
        assertThat(video.extensionId(Extmap.TRANSPORT_WIDE_CC)).isEqualTo(1);
    }

    @Test
    void setupPassiveOrNoneMakesFreshetTheDtlsClient() {
        assertThat(read(sdp -> sdp.replace("a=setup:active", "a=setup:passive")).dtlsServer()).isFalse();
        assertThat(read(sdp -> sdp.replace("a=setup:active\r\n", "")).dtlsServer()).isFalse();
        assertRefused(sdp -> sdp.replace("a=setup:active", "a=setup:actpass"), NegotiationFailure.BAD_SETUP);
    }

    @Test
    void theAnswersCodecChoiceIsFollowed() {
        // the camera kept only main profile in mode 1, as a main-profile camera would
        AnswerResult main = read(sdp -> sdp.replace("SAVPF 96 97 98 99 100 101 102 103 108 109 112 113",
            "SAVPF 108 109"));
        assertThat(main.media().get(0).codec().payloadType()).isEqualTo(108);
        assertThat(main.media().get(0).codec().rtxPayloadType()).isEqualTo(109);
    }

    @Test
    void aSectionThatSendsNothingIsLeftOut() {
        AnswerResult audioOnly = read(sdp -> sdp.replaceFirst("a=sendonly", "a=inactive"));
        assertThat(audioOnly.media()).extracting(NegotiatedMedia::kind).containsExactly(MediaKind.AUDIO);
        assertThat(audioOnly.media().get(0).mlineIndex()).isEqualTo(1);
    }

    @Test
    void unusableAnswersAreRefusedWithAReason() {
        assertRefused(sdp -> sdp.replace("a=fingerprint:", "a=x-fingerprint:"), NegotiationFailure.MISSING_FINGERPRINT);
        assertRefused(sdp -> sdp.replace("a=ice-pwd:", "a=x-ice-pwd:"), NegotiationFailure.MISSING_ICE_CREDENTIALS);
        assertRefused(sdp -> sdp.replace("a=rtcp-mux\r\n", ""), NegotiationFailure.NO_RTCP_MUX);
        assertRefused(sdp -> sdp.replace("a=group:BUNDLE 0 1", "a=group:BUNDLE 1"), NegotiationFailure.NO_BUNDLE);
        assertRefused(sdp -> sdp.replace("a=sendonly", "a=inactive"), NegotiationFailure.NO_USABLE_MEDIA);
        assertRefused(sdp -> sdp.replace("H264/90000", "VP8/90000").replace("opus/48000/2", "PCMU/8000"),
            NegotiationFailure.NO_USABLE_MEDIA);
        assertRefused(sdp -> sdp.substring(0, sdp.indexOf("m=audio")), NegotiationFailure.ANSWER_MISMATCH);
        assertRefused(sdp -> sdp.replace("a=mid:1", "a=mid:7").replace("BUNDLE 0 1", "BUNDLE 0 7"),
            NegotiationFailure.ANSWER_MISMATCH);
        // payload type 40 was never offered, whatever the answer says it is
        assertRefused(sdp -> sdp.replace("SAVPF 96 97 98", "SAVPF 40 97 98").replace(":96 ", ":40 "),
            NegotiationFailure.ANSWER_MISMATCH);
    }

    private static AnswerResult read(UnaryOperator<String> edit) {
        String answer = edit.apply(Offers.text(Offers.CHROME_STORAGE_ANSWER));
        return AnswerReader.read(OFFER, SessionDescription.parse(answer));
    }

    private static void assertRefused(UnaryOperator<String> edit, NegotiationFailure reason) {
        assertThatThrownBy(() -> read(edit)).isInstanceOfSatisfying(MalformedInputException.class,
            e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
