package dev.freshet.webrtc.receive;

import dev.freshet.fragments.media.Frame;
import dev.freshet.webrtc.depacketize.OpusPacketizer;
import dev.freshet.webrtc.rtcp.NtpTime;
import dev.freshet.webrtc.rtcp.PictureLossIndication;
import dev.freshet.webrtc.rtcp.ReceiverReport;
import dev.freshet.webrtc.rtcp.SenderReport;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OpusPipelineTest {

    private static final long T0 = 1_700_000_000_000_000L;
    private static final long MS = 1000;
    private static final long MEDIA = 0x0A;
    /** TOC of a 20 ms CELT fullband frame, code 0 (RFC 6716 3.1), and a few bytes of it. */
    private static final byte[] OPUS_20MS = {(byte) 0xF8, 1, 2, 3};

    private final List<Frame> frames = new ArrayList<>();
    private final LossyLink link = new LossyLink(MEDIA, -1, 15 * MS, false);
    private final ReceivePipeline pipeline = ReceivePipeline.opus(ReceiveConfig.defaults(0x0B, MEDIA, 2),
        (frame, arrival) -> frames.add(frame), link::receiveRtcp);

    @Test
    void audioGapsCostOnlyTheLostPacketAndAskNothingOfTheSender() {
        link.connect(pipeline);
        OpusPacketizer packetizer = new OpusPacketizer(65_530);
        for (int i = 0; i < 20; i++) {
            link.send(packetizer.packetize(OPUS_20MS, 960L * i), T0 + i * 20 * MS, i == 7);
        }

        link.run(T0, T0 + 1000 * MS, 5 * MS);

        assertThat(frames).hasSize(19).allSatisfy(frame -> {
            assertThat(frame.track()).isEqualTo(2);
            assertThat(frame.keyframe()).isTrue();
            assertThat(frame.durationMicros()).isEqualTo(20 * MS);
        });
        long first = frames.get(0).timestampMicros();
        assertThat(frames.get(7).timestampMicros() - first).isEqualTo(8 * 20 * MS);
        assertThat(link.rtcpOf(PictureLossIndication.class)).isEmpty();
        // one report at the first tick, the next a second later
        assertThat(link.rtcpOf(ReceiverReport.class)).hasSize(2).last()
            .satisfies(rr -> assertThat(rr.reports().get(0).cumulativeLost()).isEqualTo(1));
        assertThat(pipeline.keyframeCounters()).isEmpty();
    }

    @Test
    void aSenderReportPutsTheStreamOnTheSendersClock() {
        link.connect(pipeline);
        OpusPacketizer packetizer = new OpusPacketizer(0);
        long senderEpoch = T0 - 300_000;
        pipeline.onSenderReport(new SenderReport(MEDIA, NtpTime.fromEpochMicros(senderEpoch), 48_000, 0, 0,
            List.of()), T0, 0);
        link.send(packetizer.packetize(OPUS_20MS, 48_000 + 960), T0 + 5 * MS, false);

        link.run(T0, T0 + 10 * MS, 5 * MS);

        assertThat(frames).singleElement()
            .satisfies(f -> assertThat(f.timestampMicros()).isEqualTo(senderEpoch + 20 * MS));
    }
}
