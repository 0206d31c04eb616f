package dev.freshet.webrtc.receive;

import dev.freshet.webrtc.rtcp.FullIntraRequest;
import dev.freshet.webrtc.rtcp.PictureLossIndication;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.freshet.webrtc.receive.KeyframeRequester.Reason.LOSS;
import static dev.freshet.webrtc.receive.KeyframeRequester.Counter.MERGED;
import static dev.freshet.webrtc.receive.KeyframeRequester.Reason.NO_KEYFRAME_YET;
import static dev.freshet.webrtc.receive.KeyframeRequester.Counter.PERIODIC;
import static org.assertj.core.api.Assertions.assertThat;

class KeyframeRequesterTest {

    private static final long MS = 1000;
    private static final long OURS = 0x1111;
    private static final long THEIRS = 0x2222;

    private final KeyframeRequester requester = new KeyframeRequester(
        new KeyframeRequester.Config(400 * MS, 2000 * MS, false), OURS, THEIRS);

    @Test
    void aLossIsAnsweredWithAPliAtOnce() {
        requester.request(LOSS);

        assertThat(requester.poll(0)).contains(new PictureLossIndication(OURS, THEIRS));
        assertThat(requester.poll(1)).isEmpty();
    }

    @Test
    void requestsWithinTheMinimumIntervalWaitAndMergeIntoOne() {
        requester.request(NO_KEYFRAME_YET);
        assertThat(requester.poll(100 * MS)).isPresent();

        requester.request(LOSS);
        requester.request(LOSS);
        assertThat(requester.poll(200 * MS)).isEmpty();
        assertThat(requester.poll(499 * MS)).isEmpty();
        assertThat(requester.poll(500 * MS)).isPresent();
        assertThat(requester.poll(1000 * MS)).isEmpty();

        assertThat(requester.counters().get(KeyframeRequester.Counter.NO_KEYFRAME_YET)).isEqualTo(1);
        assertThat(requester.counters().get(KeyframeRequester.Counter.LOSS)).isEqualTo(1);
        assertThat(requester.counters().get(MERGED)).isEqualTo(1);
        assertThat(requester.counters().get(KeyframeRequester.Counter.PLI_SENT)).isEqualTo(2);
    }

    @Test
    void aKeyframeArrivingCancelsTheWaitingRequest() {
        requester.request(LOSS);
        requester.poll(0);
        requester.request(LOSS);

        requester.onKeyframe(200 * MS);

        assertThat(requester.poll(500 * MS)).isEmpty();
    }

    @Test
    void aKeyframeIsAskedForWhenNoneCameForThePeriodicInterval() {
        assertThat(requester.poll(0)).isEmpty();
        requester.onKeyframe(500 * MS);
        assertThat(requester.poll(2499 * MS)).isEmpty();

        assertThat(requester.poll(2500 * MS)).isPresent();
        assertThat(requester.poll(4499 * MS)).isEmpty();
        assertThat(requester.poll(4500 * MS)).isPresent();
        assertThat(requester.counters().get(PERIODIC)).isEqualTo(2);
    }

    @Test
    void firPeersGetAFirWithACommandSequenceNumberThatCountsUp() {
        KeyframeRequester fir = new KeyframeRequester(
            new KeyframeRequester.Config(400 * MS, 2000 * MS, true), OURS, THEIRS);

        fir.request(LOSS);
        assertThat(fir.poll(0)).contains(new FullIntraRequest(OURS, List.of(new FullIntraRequest.Entry(THEIRS, 0))));
        fir.request(LOSS);
        assertThat(fir.poll(400 * MS))
            .contains(new FullIntraRequest(OURS, List.of(new FullIntraRequest.Entry(THEIRS, 1))));
        assertThat(fir.counters().get(KeyframeRequester.Counter.FIR_SENT)).isEqualTo(2);
    }
}
