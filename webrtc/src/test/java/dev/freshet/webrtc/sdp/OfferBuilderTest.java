package dev.freshet.webrtc.sdp;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OfferBuilderTest {

    private static final Fingerprint LOCAL_FINGERPRINT = Fingerprint.of("sha-256", new byte[32]);
    private static final LocalParameters RECEIVING = LocalParameters.receiving("frsh", "freshetfreshetfreshet22",
        LOCAL_FINGERPRINT, List.of(Candidate.host("1", "192.0.2.10", 8189)), 42);

    @Test
    void theOfferIsFullIceActpassBundledAndRecvonly() {
        SessionDescription offer = OfferBuilder.offer(RECEIVING);

        assertThat(offer.iceLite()).as("Freshet offers as a controlling full agent").isFalse();
        assertThat(offer.bundle()).containsExactly("0", "1");
        assertThat(offer.media()).extracting(MediaDescription::kind).containsExactly(MediaKind.VIDEO, MediaKind.AUDIO);
        assertThat(offer.media()).allSatisfy(m -> {
            assertThat(m.direction()).isEqualTo(Direction.RECVONLY);
            assertThat(m.rtcpMux()).isTrue();
            assertThat(m.protocol()).isEqualTo("UDP/TLS/RTP/SAVPF");
            assertThat(m.transport().setup()).contains(Setup.ACTPASS);
            assertThat(m.transport().fingerprint()).contains(LOCAL_FINGERPRINT);
            assertThat(m.transport().iceUfrag()).isEqualTo("frsh");
            assertThat(m.candidates()).containsExactlyElementsOf(RECEIVING.candidates());
            assertThat(m.endOfCandidates()).isTrue();
            assertThat(m.rtp().extmaps()).as("the transport-wide sequence number, one id in the bundle")
                .containsExactly(new Extmap(1, Optional.empty(), Extmap.TRANSPORT_WIDE_CC, ""));
        });
        assertThat(SessionDescription.parse(offer.format())).isEqualTo(offer);
    }

    @Test
    void videoOffersEveryStorableH264ProfileInBothPacketizationModesWithRtxAndFeedback() {
        MediaDescription video = OfferBuilder.offer(RECEIVING).media().get(0);
        RtpParameters rtp = video.rtp();

        List<RtpMap> h264 = rtp.rtpMaps().stream().filter(m -> m.is("H264", 90000)).toList();
        assertThat(h264).extracting(m -> rtp.fmtp(m.payloadType()).format()).containsExactly(
            "96 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f",
            "98 level-asymmetry-allowed=1;packetization-mode=0;profile-level-id=42e01f",
            "100 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42001f",
            "102 level-asymmetry-allowed=1;packetization-mode=0;profile-level-id=42001f",
            "104 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=640c1f",
            "106 level-asymmetry-allowed=1;packetization-mode=0;profile-level-id=640c1f",
            "108 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=4d001f",
            "112 level-asymmetry-allowed=1;packetization-mode=0;profile-level-id=4d001f",
            "114 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=64001f",
            "116 level-asymmetry-allowed=1;packetization-mode=0;profile-level-id=64001f");
        assertThat(h264).allSatisfy(m -> {
            assertThat(CodecSelector.rtxFor(video, m.payloadType())).isEqualTo(m.payloadType() + 1);
            assertThat(rtp.feedback(m.payloadType())).extracting(RtcpFeedback::format).containsExactly(
                m.payloadType() + " nack", m.payloadType() + " nack pli", m.payloadType() + " ccm fir",
                m.payloadType() + " transport-cc");
        });
        assertThat(video.payloadTypes()).hasSize(20).doesNotHaveDuplicates().doesNotContain(111);
    }

    @Test
    void audioOffersOpus() {
        MediaDescription audio = OfferBuilder.offer(RECEIVING).media().get(1);

        assertThat(audio.rtp().rtpMaps()).containsExactly(new RtpMap(111, "opus", 48000, 2));
        assertThat(OpusParameters.of(audio.rtp().fmtp(111)).useInbandFec()).isTrue();
    }

    @Test
    void anOfferThatSendsIsNotAStorageOffer() {
        LocalParameters sending = LocalParameters.sending("frsh", "freshetfreshetfreshet22", LOCAL_FINGERPRINT,
            List.of(), 1, "cname", 1, 2);
        assertThatThrownBy(() -> OfferBuilder.offer(sending)).isInstanceOf(IllegalArgumentException.class);
    }
}
