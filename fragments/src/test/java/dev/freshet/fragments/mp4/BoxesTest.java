package dev.freshet.fragments.mp4;

import dev.freshet.fragments.media.Codec;
import dev.freshet.fragments.media.Frame;
import dev.freshet.fragments.media.Track;
import dev.freshet.fragments.testmedia.IsoBox;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Exact bytes of the box writers for small cases, laid out as ISO/IEC 14496-12 draws them. */
class BoxesTest {

    private static final byte[] ASC_LC_44100_STEREO = {0x12, 0x10};

    @Test
    void mediaSegmentOfTwoAudioFrames() {
        Track aac = Track.audio(2, Codec.AAC, ASC_LC_44100_STEREO, 48_000, 2);
        List<Frame> frames = List.of(
            new Frame(2, 1_000_000, 0, true, new byte[] {(byte) 0xAA, (byte) 0xBB}),
            new Frame(2, 1_021_333, 21_333, true, new byte[] {(byte) 0xCC}));
        MediaSegmentResult segment = FragmentedMp4.mediaSegment(List.of(aac), frames, 7, false);
        assertThat(hex(segment.bytes())).isEqualTo(layout(""
            + "00000070 6d6f6f66"
            + "  00000010 6d666864 00000000 00000007"
            + "  00000058 74726166"
            + "    00000010 74666864 00020000 00000002"
            + "    00000014 74666474 01000000 00000000 0000bb80"
            + "    0000002c 7472756e 01000701 00000002 00000078"
            + "      00000400 00000002 02000000"
            + "      00000400 00000001 02000000"
            + "0000000b 6d646174 aabbcc"));
        assertThat(segment.independent()).isTrue();
        assertThat(segment.startMicros()).isEqualTo(1_000_000);
        assertThat(segment.durationMicros()).isEqualTo(42_667);
    }

    @Test
    void videoRunFlagsSyncAndNonSyncSamplesAndPointsPastEarlierTracks() {
        Track h264 = Track.video(1, Codec.H264, new byte[] {1, 100, 0, 13, (byte) 0xFF, (byte) 0xE0, 0}, 320, 240);
        Track aac = Track.audio(2, Codec.AAC, ASC_LC_44100_STEREO, 44_100, 2);
        List<Frame> frames = List.of(
            new Frame(1, 0, 0, true, new byte[10]),
            new Frame(2, 0, 0, true, new byte[5]),
            new Frame(1, 40_000, 40_000, false, new byte[20]));
        byte[] bytes = FragmentedMp4.mediaSegment(List.of(h264, aac), frames, 1, true).bytes();
        List<IsoBox> top = IsoBox.parse(bytes);
        assertThat(top.stream().map(IsoBox::type)).containsExactly("styp", "moof", "mdat");
        List<IsoBox> trafs = top.get(1).all("traf");
        IsoBox videoRun = trafs.get(0).child("trun");
        IsoBox audioRun = trafs.get(1).child("trun");
        assertThat(videoRun.u32(0)).isEqualTo(0x01000F01L);
        int moofStart = top.get(1).start();
        assertThat(moofStart + videoRun.u32(8)).isEqualTo(top.get(2).payload());
        assertThat(moofStart + audioRun.u32(8)).isEqualTo(top.get(2).payload() + 30);
        assertThat(videoRun.u32(12 + 8)).isEqualTo(0x02000000L);
        assertThat(videoRun.u32(12 + 16 + 8)).isEqualTo(0x01010000L);
        assertThat((int) videoRun.u32(12 + 12)).as("composition offset: the reorder allowance").isEqualTo(18_000);
        assertThat(trafs.get(0).child("tfdt").u64(4)).isEqualTo(-18_000L);
    }

    @Test
    void esdsCarriesTheAudioSpecificConfig() {
        assertThat(hex(BoxBuffer.write(new EsdsBox(ASC_LC_44100_STEREO)))).isEqualTo(layout(""
            + "00000033 65736473 00000000"
            + " 03808080 22 0000 00"
            + "  04808080 14 40 15 000000 00000000 00000000"
            + "   05808080 02 1210"
            + "  06808080 01 02"));
    }

    @Test
    void dOpsIsTheOpusHeadBigEndian() {
        byte[] head = concat("OpusHead".getBytes(StandardCharsets.US_ASCII),
            HexFormat.of().parseHex("0102380180bb0000000000"));
        assertThat(hex(BoxBuffer.write(OpusSpecificBox.fromOpusHead(head, 2))))
            .isEqualTo(layout("00000013 644f7073 00 02 0138 0000bb80 0000 00"));
        assertThatThrownBy(() -> OpusSpecificBox.fromOpusHead(new byte[19], 2))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sampleTablesAreRunLengthEncoded() {
        assertThat(hex(BoxBuffer.write(TimeToSampleBox.of(new int[] {3600, 3600, 3600, 1800}))))
            .isEqualTo(layout("00000020 73747473 00000000 00000002 00000003 00000e10 00000001 00000708"));
        assertThat(hex(BoxBuffer.write(SampleToChunkBox.of(new int[] {2, 2, 1, 1, 3})))).isEqualTo(layout(""
            + "00000034 73747363 00000000 00000003"
            + " 00000001 00000002 00000001 00000003 00000001 00000001 00000005 00000003 00000001"));
        assertThat(hex(BoxBuffer.write(CompositionOffsetBox.of(new int[] {3600, -3600})))).isEqualTo(layout(""
            + "00000020 63747473 01000000 00000002 00000001 00000e10 00000001 fffff1f0"));
        assertThat(hex(BoxBuffer.write(new ChunkOffsetBox(true, new long[] {0, 0x1_0000_0000L}, 100)))).isEqualTo(layout(""
            + "00000020 636f3634 00000000 00000002 00000000 00000064 00000001 00000064"));
    }

    @Test
    void editListWithAnEmptyEdit() {
        assertThat(hex(BoxBuffer.write(new EditListBox(23, 4000, 7200)))).isEqualTo(layout(""
            + "00000030 65647473 00000028 656c7374 00000000 00000002"
            + " 00000017 ffffffff 0001 0000"
            + " 00000fa0 00001c20 0001 0000"));
    }

    @Test
    void fileTypeBrands() {
        assertThat(hex(BoxBuffer.write(FileTypeBox.CMAF_INIT)))
            .isEqualTo(layout("0000001c 66747970 69736f36 00000000 69736f36 636d6663 6d703431"));
        assertThat(hex(BoxBuffer.write(FileTypeBox.CMAF_SEGMENT)))
            .isEqualTo(layout("00000018 73747970 6d736468 00000000 6d736468 636d6673"));
    }

    @Test
    void initSegmentDescribesEachTrack() {
        byte[] avcC = {1, 100, 0, 13, (byte) 0xFF, (byte) 0xE0, 0};
        Track h264 = Track.video(1, Codec.H264, avcC, 320, 240);
        Track aac = Track.audio(2, Codec.AAC, ASC_LC_44100_STEREO, 44_100, 2);
        List<IsoBox> top = IsoBox.parse(FragmentedMp4.initSegment(List.of(h264, aac)));
        assertThat(top.stream().map(IsoBox::type)).containsExactly("ftyp", "moov");
        IsoBox moov = top.get(1);
        assertThat(moov.children().stream().map(IsoBox::type)).containsExactly("mvhd", "trak", "trak", "mvex");
        assertThat(moov.child("mvhd").u32(96)).as("next_track_ID").isEqualTo(3);
        IsoBox video = moov.all("trak").get(0);
        assertThat(video.child("tkhd").u32(76)).as("width 16.16").isEqualTo(320L << 16);
        assertThat(video.child("mdia/mdhd").u32(12)).isEqualTo(90_000);
        assertThat(video.child("mdia/hdlr").u32(8)).isEqualTo(0x76696465L);
        IsoBox avc1 = video.child("mdia/minf/stbl/stsd").childrenAt(8).get(0);
        assertThat(avc1.type()).isEqualTo("avc1");
        assertThat(avc1.childrenAt(78).get(0).payloadBytes()).isEqualTo(avcC);
        assertThat(video.child("mdia/minf/stbl").children().stream().map(IsoBox::type))
            .containsExactly("stsd", "stts", "stsc", "stsz", "stco");
        IsoBox audio = moov.all("trak").get(1);
        assertThat(audio.child("mdia/minf/smhd")).isNotNull();
        assertThat(audio.child("mdia/mdhd").u32(12)).isEqualTo(44_100);
        assertThat(moov.child("mvex").all("trex").stream().map(t -> t.u32(4))).containsExactly(1L, 2L);
    }

    @Test
    void aTrackWithoutDecoderConfigurationIsRefused() {
        Track bare = Track.video(1, Codec.H265, new byte[0], 320, 240);
        assertThatThrownBy(() -> FragmentedMp4.initSegment(List.of(bare))).isInstanceOf(IllegalArgumentException.class);
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** A hex layout with spaces for readability, as {@link #hex} prints it. */
    static String layout(String spaced) {
        return spaced.replace(" ", "");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
