package dev.freshet.webrtc.ice;

import org.ice4j.ice.harvest.HarvestConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IceHardeningTest {

    @Test
    void theSinglePortGetsALargeReceiveBuffer() {
        IceHardening.apply();

        // what ice4j's single-port listener passes to setReceiveBufferSize when it binds
        assertThat(HarvestConfig.config.udpReceiveBufferSize()).isEqualTo(IceHardening.RECEIVE_BUFFER_BYTES);
    }

    @Test
    void noCloudMetadataProbe() {
        IceHardening.apply();

        assertThat(HarvestConfig.config.getEnableAwsHarvester()).isFalse();
    }
}
