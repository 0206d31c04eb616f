package dev.freshet.fragments.codec;

import dev.freshet.fragments.media.Codec;
import dev.freshet.fragments.media.Track;
import dev.freshet.fragments.testmedia.Vectors;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TrackFormatTest {

    @Test
    void videoSizesFromParameterSets() {
        assertThat(TrackFormat.of(Codec.H264, Vectors.AVCC_MAIN)).isEqualTo(new TrackFormat(318, 178, 0, 0));
        assertThat(TrackFormat.of(Codec.H264, Vectors.AVCC_FHD)).isEqualTo(new TrackFormat(1920, 1080, 0, 0));
        assertThat(TrackFormat.of(Codec.H265, Vectors.HVCC_MAIN)).isEqualTo(new TrackFormat(636, 358, 0, 0));
    }

    @Test
    void annexBCodecPrivate() {
        byte[] h264 = AnnexB.join(H264ParameterSets.fromAvcC(Vectors.AVCC_HIGH).all());
        assertThat(TrackFormat.of(Codec.H264, h264)).isEqualTo(new TrackFormat(1280, 720, 0, 0));
        byte[] h265 = AnnexB.join(HevcDecoderConfig.parse(Vectors.HVCC_MAIN10).units(H265Nals.SPS));
        assertThat(TrackFormat.of(Codec.H265, h265)).isEqualTo(new TrackFormat(640, 360, 0, 0));
    }

    @Test
    void audioFormats() {
        assertThat(TrackFormat.of(Codec.AAC, Vectors.ASC_LC_44K_MONO)).isEqualTo(new TrackFormat(0, 0, 44100, 1));
        assertThat(TrackFormat.of(Codec.OPUS, Vectors.OPUS_HEAD_51)).isEqualTo(new TrackFormat(0, 0, 48000, 6));
    }

    @Test
    void completeFillsOnlyWhatTheProducerLeftOut() {
        Track bare = Track.video(1, Codec.H264, Vectors.AVCC_HIGH, 0, 0);
        assertThat(TrackFormat.complete(bare)).isEqualTo(Track.video(1, Codec.H264, Vectors.AVCC_HIGH, 1280, 720));
        Track declared = new Track(2, Codec.AAC, Vectors.ASC_LC_48K_STEREO, 0, 0, 44100, 0, "audio");
        assertThat(TrackFormat.complete(declared))
            .isEqualTo(new Track(2, Codec.AAC, Vectors.ASC_LC_48K_STEREO, 0, 0, 44100, 2, "audio"));
        Track noConfig = Track.audio(3, Codec.OPUS, new byte[0], 48000, 2);
        assertThat(TrackFormat.complete(noConfig)).isSameAs(noConfig);
    }

    @Test
    void webRtcStyleInBandParameterSetsDescribeATrack() {
        // an IDR access unit from an RTP depacketizer: SPS, PPS, slice
        byte[] accessUnit = H264ParameterSetsTest.concat(
            AnnexB.join(H264ParameterSets.fromAvcC(Vectors.AVCC_BASELINE).all()), Vectors.hex("0000000165888400"));
        H264ParameterSets sets = H264ParameterSets.fromAnnexB(accessUnit);
        Track track = TrackFormat.complete(Track.video(1, Codec.H264, sets.toAvcC(4), 0, 0));
        assertThat(List.of(track.width(), track.height())).containsExactly(320, 240);
        assertThat(H264Nals.isKeyframeAnnexB(accessUnit)).isTrue();
    }

    @Test
    void missingConfigIsMissing() {
        NalFramingTest.assertReason(() -> TrackFormat.of(Codec.AAC, new byte[0]), CodecException.Reason.MISSING);
        NalFramingTest.assertReason(() -> TrackFormat.of(Codec.H264, Vectors.hex("0000000168ce3c80")),
            CodecException.Reason.MISSING);
    }
}
