package dev.freshet.webrtc.receive;

import dev.freshet.fragments.codec.H264Nals;
import dev.freshet.fragments.media.Frame;
import dev.freshet.webrtc.depacketize.H264Packetizer;
import dev.freshet.webrtc.depacketize.RtpPayload;
import dev.freshet.webrtc.rtcp.FullIntraRequest;
import dev.freshet.webrtc.rtcp.GenericNack;
import dev.freshet.webrtc.rtcp.PictureLossIndication;
import dev.freshet.webrtc.rtcp.ReceiverReport;
import dev.freshet.webrtc.rtp.OutgoingRtpPacket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ReceivePipelineTest {

    private static final long T0 = 1_700_000_000_000_000L;
    private static final long MS = 1000;
    private static final long FRAME_MICROS = 40 * MS;
    private static final long LOCAL = 0x0A0A_0A0AL;
    private static final long MEDIA = 0xC0FF_EE00L;
    private static final long RTX = 0xC0FF_EE01L;
    private static final int PICTURES = 30;

    private static List<byte[]> clip;

    private final List<Frame> frames = new ArrayList<>();
    private final List<byte[]> codecPrivates = new ArrayList<>();
    private final FrameSink sink = new FrameSink() {
        @Override
        public void frame(Frame frame, long arrivalMicros) {
            frames.add(frame);
        }

        @Override
        public void codecPrivate(int track, byte[] avcC) {
            codecPrivates.add(avcC);
        }
    };

    @BeforeAll
    static void encode(@TempDir Path dir) throws Exception {
        clip = X264Clip.accessUnits(dir, PICTURES);
        assertThat(clip).hasSize(PICTURES);
        assertThat(IntStream.range(0, PICTURES).filter(i -> H264Nals.isKeyframe(clip.get(i), 4)))
            .containsExactly(0, 10, 20);
    }

    private ReceivePipeline pipeline(LossyLink link) {
        return pipeline(link, NegotiatedFeedback.ALL);
    }

    private ReceivePipeline pipeline(LossyLink link, NegotiatedFeedback feedback) {
        ReceivePipeline pipeline = ReceivePipeline.h264(ReceiveConfig.defaults(LOCAL, MEDIA, 1).withRtx(RTX)
            .withFeedback(feedback), sink, link::receiveRtcp);
        link.connect(pipeline);
        return pipeline;
    }

    /**
     * Sends pictures {@code from..PICTURES-1}, one per 40 ms, their packets 0.1 ms apart; packet
     * number k (counted over the whole clip) is lost when {@code lost} says so, and every fifth
     * (k mod 5 = {@code overtaken}) is overtaken by the one after it. Runs the link until everything has settled.
     */
    private static void sendClip(LossyLink link, int from, IntPredicate lost) {
        sendClip(link, from, lost, 4);
    }

    private static void sendClip(LossyLink link, int from, IntPredicate lost, int overtaken) {
        H264Packetizer packetizer = new H264Packetizer(1200, 4, 65_500);
        int k = 0;
        for (int i = from; i < PICTURES; i++) {
            long sentAt = T0 + i * FRAME_MICROS;
            for (RtpPayload payload : packetizer.packetize(clip.get(i), 3600L * i)) {
                long arrival = sentAt + 5 * MS + (k % 20) * 100 + (k % 5 == overtaken ? 150 : 0);
                link.send(payload, arrival, lost.test(k));
                k++;
            }
        }
        link.run(T0, T0 + (PICTURES + 5) * FRAME_MICROS, 5 * MS);
    }

    /** Which picture of the clip each frame is, byte for byte (-1: none). */
    private List<Integer> pictures() {
        return frames.stream().map(frame -> IntStream.range(0, PICTURES)
            .filter(i -> Arrays.equals(clip.get(i), frame.data())).findFirst().orElse(-1)).toList();
    }

    private static List<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }

    private static List<Integer> concat(List<Integer> a, List<Integer> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }

    @Test
    void lossAndReorderingRepairedByRtxGiveEveryAccessUnitIntactAndInOrder() {
        LossyLink link = new LossyLink(MEDIA, RTX, 15 * MS, true);
        ReceivePipeline pipeline = pipeline(link);

        sendClip(link, 0, k -> k % 9 == 4);

        assertThat(pictures()).containsExactlyElementsOf(range(0, PICTURES));
        long first = frames.get(0).timestampMicros();
        assertThat(frames).extracting(Frame::timestampMicros).containsExactlyElementsOf(
            IntStream.range(0, PICTURES).mapToObj(i -> first + i * FRAME_MICROS).toList());
        assertThat(frames).extracting(Frame::keyframe).containsExactlyElementsOf(
            IntStream.range(0, PICTURES).mapToObj(i -> i % 10 == 0).toList());
        assertThat(codecPrivates).hasSize(1);
        long lost = pipeline.statistics().cumulativeLost();
        assertThat(lost).isPositive();
        assertThat(pipeline.nackCounters().get(NackGenerator.Counter.RECOVERED)).isEqualTo(lost);
        assertThat(pipeline.reorderCounters().get(ReorderBuffer.Counter.GAPS)).isZero();
        assertThat(link.rtcpOf(GenericNack.class)).isNotEmpty()
            .allSatisfy(nack -> assertThat(nack.mediaSsrc()).isEqualTo(MEDIA));
        assertThat(link.rtcpOf(PictureLossIndication.class)).isEmpty();
        assertThat(link.rtcpOf(ReceiverReport.class)).first().satisfies(rr -> {
            assertThat(rr.ssrc()).isEqualTo(LOCAL);
            assertThat(rr.reports()).singleElement().satisfies(block -> assertThat(block.ssrc()).isEqualTo(MEDIA));
        });
    }

    @Test
    void anUnrepairedLossSkipsToTheNextKeyframeAndAsksForOne() {
        LossyLink link = new LossyLink(MEDIA, RTX, 15 * MS, false);
        ReceivePipeline pipeline = pipeline(link);
        int firstPacketOfPicture3 = packetsBefore(3);

        sendClip(link, 0, k -> k == firstPacketOfPicture3);

        assertThat(pictures()).containsExactlyElementsOf(concat(range(0, 3), range(10, PICTURES)));
        assertThat(link.rtcpOf(PictureLossIndication.class)).isNotEmpty()
            .allSatisfy(pli -> assertThat(pli).isEqualTo(new PictureLossIndication(LOCAL, MEDIA)));
        assertThat(pipeline.reorderCounters().get(ReorderBuffer.Counter.SKIPPED)).isEqualTo(1);
        assertThat(pipeline.nackCounters().get(NackGenerator.Counter.LOST)).isEqualTo(1);
        // asked as soon as the reorder buffer gave up on the packet, then no more than every 400 ms
        long lossShown = T0 + 3 * FRAME_MICROS + 5 * MS;
        assertThat(link.pliMicros.get(0)).isBetween(lossShown + 100 * MS, lossShown + 105 * MS);
        assertRateLimited(link);
    }

    private static void assertRateLimited(LossyLink link) {
        for (int i = 1; i < link.pliMicros.size(); i++) {
            assertThat(link.pliMicros.get(i) - link.pliMicros.get(i - 1)).isGreaterThanOrEqualTo(400 * MS);
        }
        // none after the keyframe of picture 10 was delivered (at the first 5 ms tick after it arrived)
        assertThat(link.pliMicros).last()
            .satisfies(at -> assertThat(at).isLessThanOrEqualTo(T0 + 10 * FRAME_MICROS + 10 * MS));
    }

    @Test
    void aSenderThatAgreedToNoFeedbackGetsOnlyReceiverReports() {
        LossyLink link = new LossyLink(MEDIA, RTX, 15 * MS, false);
        pipeline(link, new NegotiatedFeedback(false, false, false));
        int firstPacketOfPicture3 = packetsBefore(3);

        sendClip(link, 0, k -> k == firstPacketOfPicture3);

        assertThat(pictures()).as("the loss is skipped as before").containsExactlyElementsOf(
            concat(range(0, 3), range(10, PICTURES)));
        assertThat(link.rtcpOf(GenericNack.class)).isEmpty();
        assertThat(link.rtcpOf(PictureLossIndication.class)).isEmpty();
        assertThat(link.rtcpOf(FullIntraRequest.class)).isEmpty();
    }

    @Test
    void aSenderThatAgreedToFirOnlyIsAskedForKeyframesWithFir() {
        LossyLink link = new LossyLink(MEDIA, RTX, 15 * MS, false);
        pipeline(link, new NegotiatedFeedback(true, false, true));
        int firstPacketOfPicture3 = packetsBefore(3);

        sendClip(link, 0, k -> k == firstPacketOfPicture3);

        assertThat(link.rtcpOf(GenericNack.class)).isNotEmpty();
        assertThat(link.rtcpOf(PictureLossIndication.class)).isEmpty();
        assertThat(link.rtcpOf(FullIntraRequest.class)).isNotEmpty();
    }

    @Test
    void aStreamJoinedBetweenKeyframesStartsAtTheNextOneAndAsksForIt() {
        LossyLink link = new LossyLink(MEDIA, RTX, 15 * MS, true);
        ReceivePipeline pipeline = pipeline(link);

        sendClip(link, 4, k -> false);

        assertThat(pictures()).containsExactlyElementsOf(range(10, PICTURES));
        // at the delivery (5 ms ticks) of picture 4, the first to be dropped
        assertThat(link.pliMicros).first().isEqualTo(T0 + 4 * FRAME_MICROS + 10 * MS);
        assertRateLimited(link);
        assertThat(pipeline.keyframeCounters().orElseThrow().get(KeyframeRequester.Counter.NO_KEYFRAME_YET))
            .isPositive();
    }

    @Test
    void aFirstPacketOvertakenLeavesTheFirstKeyframeWithoutParameterSetsSoTheStreamStartsAtTheNext() {
        LossyLink link = new LossyLink(MEDIA, RTX, 15 * MS, true);
        ReceivePipeline pipeline = pipeline(link);

        sendClip(link, 0, k -> false, 0);

        assertThat(pictures()).containsExactlyElementsOf(range(10, PICTURES));
        assertThat(pipeline.reorderCounters().get(ReorderBuffer.Counter.LATE)).isEqualTo(1);
        assertThat(link.pliMicros).isNotEmpty();
        assertRateLimited(link);
    }

    @Test
    void paddingOnlyPacketsAndOtherSourcesLeaveTheFramesAlone() {
        LossyLink link = new LossyLink(MEDIA, RTX, 15 * MS, true);
        ReceivePipeline pipeline = pipeline(link);
        for (int i = 0; i < 3; i++) {
            link.sendRaw(OutgoingRtpPacket.of(false, 96, 1000 + i, 0, 0x5555, new byte[] {1, 2}), T0 + i * MS);
            link.sendRaw(new OutgoingRtpPacket(false, LossyLink.RTX_PAYLOAD_TYPE, 2000 + i, 0, RTX, List.of(),
                List.of(), new byte[0], 200), T0 + i * MS);
        }

        sendClip(link, 0, k -> false);

        assertThat(pictures()).containsExactlyElementsOf(range(0, PICTURES));
        assertThat(pipeline.counters().get(ReceivePipeline.Counter.FOREIGN_SSRC)).isEqualTo(3);
        assertThat(pipeline.counters().get(ReceivePipeline.Counter.PADDING_ONLY)).isEqualTo(3);
    }

    private static int packetsBefore(int picture) {
        H264Packetizer packetizer = new H264Packetizer(1200, 4, 0);
        return IntStream.range(0, picture).map(i -> packetizer.packetize(clip.get(i), 0).size()).sum();
    }
}
