package dev.freshet.webrtc.transport;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EarlyMediaTest {

    private final EarlyMedia early = new EarlyMedia(3000);
    private final List<byte[]> released = new ArrayList<>();

    @Test
    void heldDatagramsComeOutOnceInArrivalOrder() {
        byte[] buffer = new byte[1000];
        for (int i = 0; i < 3; i++) {
            Arrays.fill(buffer, (byte) i);
            assertThat(early.hold(buffer, 0, 1000)).isTrue();
        }

        early.release((data, offset, length) -> released.add(Arrays.copyOfRange(data, offset, offset + length)));
        early.release((data, offset, length) -> released.add(data));

        assertThat(released).extracting(d -> d[0]).containsExactly((byte) 0, (byte) 1, (byte) 2);
        assertThat(early.isEmpty()).isTrue();
    }

    @Test
    void theByteBudgetBoundsWhatIsHeldAndFreesOnRelease() {
        assertThat(early.hold(new byte[2500], 0, 2500)).isTrue();
        assertThat(early.hold(new byte[600], 0, 600)).as("over 3000 bytes").isFalse();
        assertThat(early.hold(new byte[500], 0, 500)).isTrue();
        assertThat(early.size()).isEqualTo(2);

        early.release((data, offset, length) -> { });

        assertThat(early.hold(new byte[3000], 0, 3000)).isTrue();
    }

    @Test
    void aCopyIsKeptSoTheReadersBufferCanBeReused() {
        byte[] buffer = {1, 2, 3, 4};
        early.hold(buffer, 1, 2);
        buffer[1] = 9;

        early.release((data, offset, length) -> released.add(Arrays.copyOfRange(data, offset, offset + length)));

        assertThat(released).singleElement().isEqualTo(new byte[] {2, 3});
    }
}
