package dev.freshet.fragments.codec;

import dev.freshet.fragments.media.Codec;
import dev.freshet.fragments.media.Track;
import dev.freshet.fragments.testmedia.Vectors;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Frame rates of the configurations in {@link Vectors}, as ffprobe reported them (r_frame_rate). */
class FrameRateTest {

    @Test
    void h264VuiTiming() {
        assertThat(rate(Codec.H264, Vectors.AVCC_BASELINE)).isEqualTo("25");
        assertThat(rate(Codec.H264, Vectors.AVCC_HIGH)).isEqualTo("30");
        assertThat(rate(Codec.H264, Vectors.AVCC_FHD)).isEqualTo("30000/1001");
        byte[] annexB = AnnexB.join(H264ParameterSets.fromAvcC(Vectors.AVCC_FHD).all());
        assertThat(rate(Codec.H264, annexB)).isEqualTo("30000/1001");
    }

    @Test
    void hevcAverageFrameRateWhenTheRecordGivesOne() {
        byte[] hvcC = Vectors.HVCC_MAIN.clone();
        assertThat(FrameRate.of(Track.video(1, Codec.H265, hvcC, 0, 0))).isEmpty();
        // avgFrameRate (bytes 19..20): 25 fps for 256 s
        hvcC[19] = (byte) (6400 >> 8);
        hvcC[20] = (byte) 6400;
        assertThat(rate(Codec.H265, hvcC)).isEqualTo("25");
    }

    @Test
    void unknownWithoutConfigurationAndForAudio() {
        assertThat(FrameRate.of(Track.video(1, Codec.H264, new byte[0], 0, 0))).isEmpty();
        assertThat(FrameRate.of(Track.audio(2, Codec.AAC, Vectors.ASC_LC_48K_STEREO, 48000, 2))).isEmpty();
    }

    @Test
    void ratesAreKeptInLowestTerms() {
        assertThat(new FrameRate(60000, 2002)).isEqualTo(new FrameRate(30000, 1001));
        assertThatThrownBy(() -> new FrameRate(0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String rate(Codec codec, byte[] config) {
        return FrameRate.of(Track.video(1, codec, config, 0, 0)).orElseThrow().toString();
    }
}
