package dev.freshet.webrtc.sdp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CodecParametersTest {

    @ParameterizedTest
    @CsvSource({
        "42e01f, CONSTRAINED_BASELINE, 31",
        "42c01f, CONSTRAINED_BASELINE, 31",
        "42001f, BASELINE, 31",
        "42000a, BASELINE, 10",
        "4d001f, MAIN, 31",
        "4d8028, CONSTRAINED_BASELINE, 40",
        "640c1f, CONSTRAINED_HIGH, 31",
        "64001f, HIGH, 31",
        "f4001f, PREDICTIVE_HIGH_444, 31",
        "42E01F, CONSTRAINED_BASELINE, 31",
    })
    void profileLevelIdIsRecognisedAsLibwebrtcDoes(String hex, H264ProfileLevelId.Profile profile, int level) {
        H264ProfileLevelId id = H264ProfileLevelId.parse(hex).orElseThrow();

        assertThat(id.profile()).isEqualTo(profile);
        assertThat(id.levelIdc()).isEqualTo(level);
        assertThat(id.format()).isEqualToIgnoringCase(hex);
    }

    @ParameterizedTest
    @CsvSource({"'42e01'", "'zze01f'", "'42e01f00'", "'42e11f'", "'6e001f'", "''"})
    void unknownProfileLevelIdsAreNotUsable(String hex) {
        assertThat(H264ProfileLevelId.parse(hex)).isEmpty();
    }

    @Test
    void h264DefaultsFromRfc6184() {
        H264Parameters none = H264Parameters.of(new Fmtp(96, Map.of()));

        assertThat(none.packetizationMode()).isZero();
        assertThat(none.profileLevelId()).map(H264ProfileLevelId::profile)
            .contains(H264ProfileLevelId.Profile.BASELINE);
        assertThat(none.levelAsymmetryAllowed()).isFalse();
    }

    @Test
    void h264ParameterNamesIgnoreCase() {
        H264Parameters p = H264Parameters.of(Fmtp.parse("96 Packetization-Mode=1;PROFILE-LEVEL-ID=42e01f;"
            + "level-asymmetry-allowed=1"));

        assertThat(p.packetizationMode()).isEqualTo(1);
        assertThat(p.profileLevelId()).isPresent();
        assertThat(p.levelAsymmetryAllowed()).isTrue();
    }

    @Test
    void opusParameters() {
        OpusParameters p = OpusParameters.of(Fmtp.parse("111 minptime=10;useinbandfec=1;stereo=1;"
            + "maxaveragebitrate=96000"));

        assertThat(p).isEqualTo(new OpusParameters(true, true, false, 10, 96000));
    }

    @Test
    void fmtpKeepsPartsWithoutEqualsSign() {
        assertThat(Fmtp.parse("63 111/111").parameters()).containsExactly(Map.entry("111/111", ""));
        assertThat(Fmtp.parse("63 111/111").format()).isEqualTo("63 111/111");
        assertThat(Fmtp.parse("96").parameters()).isEmpty();
    }

    @Test
    void rtxIsAssociatedByApt() {
        MediaDescription video = Offers.parse(Offers.CHROME_WHIP).media().get(1);

        assertThat(CodecSelector.rtxFor(video, 102)).isEqualTo(103);
        assertThat(CodecSelector.rtxFor(video, 112)).isEqualTo(113);
        assertThat(CodecSelector.rtxFor(video, 118)).isEqualTo(-1);
    }

    @Test
    void vp8IsRecognisedButNotChosen() {
        MediaDescription video = SessionDescription.parse("v=0\no=- 1 1 IN IP4 0.0.0.0\ns=-\nt=0 0\n"
            + "m=video 9 UDP/TLS/RTP/SAVPF 96\na=rtpmap:96 VP8/90000\n").media().get(0);

        assertThat(video.rtp().rtpMap(96)).map(m -> m.is("vp8", 90000)).contains(true);
        assertThat(CodecSelector.select(video)).isEmpty();
    }
}
