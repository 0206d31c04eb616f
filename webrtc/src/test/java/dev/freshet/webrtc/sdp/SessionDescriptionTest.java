package dev.freshet.webrtc.sdp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SessionDescriptionTest {

    static final List<String> OFFERS = Offers.ALL;

    @Test
    void chromeWhipOfferSessionLevel() {
        SessionDescription sdp = Offers.parse(Offers.CHROME_WHIP);

        assertThat(sdp.origin().sessionId()).isEqualTo("4611731400430051336");
        assertThat(sdp.bundle()).containsExactly("0", "1");
        assertThat(sdp.extmapAllowMixed()).isTrue();
        assertThat(sdp.msidSemantic()).isEqualTo("WMS 9a0bd5ac-3b8e-4bd7-8c13-7b6d1b0c3f21");
        assertThat(sdp.media()).extracting(MediaDescription::kind).containsExactly(MediaKind.AUDIO, MediaKind.VIDEO);
    }

    @Test
    void chromeWhipOfferAudioSection() {
        MediaDescription audio = Offers.parse(Offers.CHROME_WHIP).media().get(0);

        assertThat(audio.port()).isEqualTo(9);
        assertThat(audio.protocol()).isEqualTo("UDP/TLS/RTP/SAVPF");
        assertThat(audio.payloadTypes()).containsExactly(111, 63, 9, 0, 8, 13, 110, 126);
        assertThat(audio.mid()).isEqualTo("0");
        assertThat(audio.direction()).isEqualTo(Direction.SENDONLY);
        assertThat(audio.rtcpMux()).isTrue();
        assertThat(audio.rtcpReducedSize()).isTrue();
        assertThat(audio.transport().iceUfrag()).isEqualTo("EsAw");
        assertThat(audio.transport().icePwd()).isEqualTo("bP+XJMM09aR8AiX1jdukzR6Y");
        assertThat(audio.transport().iceOptions()).containsExactly("trickle");
        assertThat(audio.transport().setup()).contains(Setup.ACTPASS);
        assertThat(audio.transport().fingerprint()).get().satisfies(f -> {
            assertThat(f.algorithm()).isEqualTo("sha-256");
            assertThat(f.digest()).hasSize(32).startsWith((byte) 0x6B, (byte) 0x8B);
        });
        assertThat(audio.rtp().rtpMap(111)).contains(new RtpMap(111, "opus", 48000, 2));
        assertThat(audio.rtp().fmtp(111).parameters()).containsExactly(Map.entry("minptime", "10"),
            Map.entry("useinbandfec", "1"));
        assertThat(audio.rtp().fmtp(63).parameters()).containsOnlyKeys("111/111");
        assertThat(audio.rtp().extmap(Extmap.SDES_MID)).map(Extmap::id).contains(4);
        assertThat(audio.otherAttributes()).containsExactly(new Attribute("rtcp", "9 IN IP4 0.0.0.0"));
    }

    @Test
    void chromeWhipOfferCandidates() {
        List<Candidate> candidates = Offers.parse(Offers.CHROME_WHIP).media().get(0).candidates();

        assertThat(candidates).hasSize(3);
        Candidate host = candidates.get(0);
        assertThat(host.foundation()).isEqualTo("1467250027");
        assertThat(host.component()).isEqualTo(1);
        assertThat(host.transport()).isEqualTo(Candidate.Transport.UDP);
        assertThat(host.priority()).isEqualTo(2122260223L);
        assertThat(host.address()).isEqualTo("192.168.1.20");
        assertThat(host.port()).isEqualTo(54321);
        assertThat(host.type()).isEqualTo(Candidate.Type.HOST);
        assertThat(host.extensions()).containsEntry("network-cost", "10");
        assertThat(candidates.get(1).type()).isEqualTo(Candidate.Type.SRFLX);
        assertThat(candidates.get(1).relatedAddress()).isEqualTo("192.168.1.20");
        assertThat(candidates.get(1).relatedPort()).isEqualTo(54321);
        assertThat(candidates.get(2).transport()).isEqualTo(Candidate.Transport.TCP);
        assertThat(candidates.get(2).tcpType()).isEqualTo("active");
    }

    @Test
    void chromeWhipOfferVideoSection() {
        MediaDescription video = Offers.parse(Offers.CHROME_WHIP).media().get(1);

        assertThat(video.payloadTypes()).hasSize(25).startsWith(96, 97, 102);
        assertThat(video.rtp().feedback(102)).extracting(RtcpFeedback::format).containsExactly(
            "102 goog-remb", "102 transport-cc", "102 ccm fir", "102 nack", "102 nack pli");
        assertThat(H264Parameters.of(video.rtp().fmtp(106)).packetizationMode()).isEqualTo(1);
        assertThat(video.rtp().fmtp(97).get("apt")).contains("96");
        assertThat(video.rtp().extmaps()).hasSize(11);
        assertThat(video.sources().ssrcGroups()).containsExactly(new SsrcGroup("FID", List.of(2882400001L,
            2882400002L)));
        assertThat(video.sources().primarySsrc()).hasValue(2882400001L);
        assertThat(video.sources().rtxSsrc()).hasValue(2882400002L);
        assertThat(video.sources().ssrcs().get(0)).isEqualTo(new SsrcAttribute(2882400001L, "cname",
            "v5mYxq8a0pXh3Hk2"));
        assertThat(video.sources().msid()).endsWith(" 6d3c2b1a-0f9e-4d8c-b7a6-958473625140");
        assertThat(video.sources().asksForSimulcast()).isFalse();
    }

    @Test
    void firefoxOfferHasSessionLevelFingerprintThatMediaInherits() {
        SessionDescription sdp = Offers.parse(Offers.FIREFOX_WHIP);
        MediaDescription audio = sdp.media().get(0);

        assertThat(audio.transport().fingerprint()).isEmpty();
        assertThat(sdp.transport(audio).fingerprint()).map(Fingerprint::algorithm).contains("sha-256");
        assertThat(sdp.transport(audio).iceUfrag()).isEqualTo("4c2a91b0");
        assertThat(sdp.transport(audio).iceOptions()).containsExactly("trickle");
        assertThat(audio.endOfCandidates()).isTrue();
        assertThat(audio.candidates().get(0).transport()).isEqualTo(Candidate.Transport.UDP);
        assertThat(audio.rtp().extmaps().get(1).direction()).contains(Direction.RECVONLY);
        assertThat(sdp.media().get(1).sources().rtxSsrc()).hasValue(1379082342L);
    }

    @Test
    void gstreamerOfferWithLfLineEndsAndBundleOnlyAudio() {
        SessionDescription sdp = Offers.parse(Offers.GSTREAMER);

        assertThat(Offers.text(Offers.GSTREAMER)).doesNotContain("\r");
        assertThat(sdp.bundle()).containsExactly("video0", "audio1");
        assertThat(sdp.media().get(1).port()).isZero();
        assertThat(sdp.media().get(1).otherAttributes()).contains(new Attribute("bundle-only", ""));
        assertThat(sdp.media().get(1).rtp().rtpMap(111)).map(m -> m.is("opus", 48000)).contains(true);
    }

    @Test
    void kvsCSdkOfferWithSpaceAfterMsidSemanticColon() {
        SessionDescription sdp = Offers.parse(Offers.KVS_C_SDK);
        MediaDescription video = sdp.media().get(0);

        assertThat(sdp.msidSemantic()).isEqualTo("WMS myKvsVideoStream");
        assertThat(video.direction()).isEqualTo(Direction.SENDRECV);
        assertThat(video.candidates().get(0).relatedAddress()).isEqualTo("::/0");
        assertThat(video.sources().ssrcs()).extracting(SsrcAttribute::attribute)
            .contains("mslabel", "label");
        assertThat(video.transport().fingerprint().orElseThrow().hex()).startsWith("9F:0D:5C");
    }

    @ParameterizedTest
    @FieldSource("OFFERS")
    void writerOutputParsesToAnEqualValue(String name) {
        SessionDescription parsed = Offers.parse(name);
        String written = parsed.format();

        assertThat(written).endsWith("\r\n").doesNotContain("\r\n\r\n");
        assertThat(written.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        assertThat(SessionDescription.parse(written)).isEqualTo(parsed);
    }

    @Test
    void sessionLevelDirectionAppliesToMediaWithoutOne() {
        SessionDescription sdp = SessionDescription.parse("v=0\no=- 1 1 IN IP4 0.0.0.0\ns=-\nt=0 0\na=recvonly\n"
            + "m=audio 9 UDP/TLS/RTP/SAVPF 111\nm=video 9 UDP/TLS/RTP/SAVPF 96\na=sendonly\n");

        assertThat(sdp.media()).extracting(MediaDescription::direction)
            .containsExactly(Direction.RECVONLY, Direction.SENDONLY);
    }

    @Test
    void simulcastIsParsedAndFlagged() {
        MediaDescription video = SessionDescription.parse("v=0\no=- 1 1 IN IP4 0.0.0.0\ns=-\nt=0 0\n"
            + "m=video 9 UDP/TLS/RTP/SAVPF 96\na=rid:h send max-width=1280\na=rid:l send\n"
            + "a=simulcast:send h;l\n").media().get(0);

        assertThat(video.sources().rids()).containsExactly(new Rid("h", "send", "max-width=1280"),
            new Rid("l", "send", ""));
        assertThat(video.sources().simulcast()).isEqualTo("send h;l");
        assertThat(video.sources().asksForSimulcast()).isTrue();
    }

    @Test
    void dataChannelSectionKeepsFormatsAsText() {
        MediaDescription app = SessionDescription.parse("v=0\no=- 1 1 IN IP4 0.0.0.0\ns=-\nt=0 0\n"
            + "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\na=sctp-port:5000\n").media().get(0);

        assertThat(app.isRtp()).isFalse();
        assertThat(app.formats()).containsExactly("webrtc-datachannel");
        assertThat(app.payloadTypes()).isEmpty();
        assertThat(app.otherAttributes()).containsExactly(new Attribute("sctp-port", "5000"));
    }

    @Test
    void extmapWithDirectionAndAttributesRoundTrips() {
        Extmap e = Extmap.parse("7/sendonly urn:x extra stuff");

        assertThat(e).isEqualTo(new Extmap(7, Optional.of(Direction.SENDONLY), "urn:x", "extra stuff"));
        assertThat(e.format()).isEqualTo("7/sendonly urn:x extra stuff");
    }
}
