package dev.freshet.fragments.mkv;

import org.junit.jupiter.api.Test;

import static dev.freshet.fragments.mkv.Ebml.hex;
import static org.assertj.core.api.Assertions.assertThat;

class EbmlWriterTest {

    @Test
    void writesTypedElements() {
        EbmlWriter w = new EbmlWriter(0)
            .writeUnsigned(0x4286, 1)
            .writeUnsigned(0x2AD7B1, 1_000_000)
            .writeUnsigned(0xE7, 0)
            .writeSigned(0xFB, -1)
            .writeSigned(0xFB, 128)
            .writeString(0x4282, "webm")
            .writeFloat(0xB5, 44100.0)
            .writeFloat32(0xB5, 8000f);
        assertThat(hex(w.toByteArray())).isEqualTo("428681" + "01" + "2ad7b183" + "0f4240" + "e78100" + "fb81ff"
            + "fb820080" + "428284" + "7765626d" + "b588" + "40e5888000000000" + "b584" + "45fa0000");
    }

    @Test
    void patchesMasterSizesInFourOctets() {
        EbmlWriter w = new EbmlWriter(4);
        int outer = w.startMaster(0x1654AE6B);
        int inner = w.startMaster(0xAE);
        w.writeUnsigned(0xD7, 1);
        w.endMaster(inner);
        w.endMaster(outer);
        assertThat(hex(w.toByteArray())).isEqualTo("1654ae6b" + "10000008" + "ae" + "10000003" + "d78101");
    }

    @Test
    void writesUnknownSizeMasters() {
        EbmlWriter w = new EbmlWriter(16).startUnknownSizeMaster(0x18538067);
        assertThat(hex(w.toByteArray())).isEqualTo("18538067" + "01ffffffffffffff");
    }

    @Test
    void writesBlockParts() {
        EbmlWriter w = new EbmlWriter(1).writeHeader(0xA3, 5).writeVint(1).writeInt16(-2).writeByte(0x80)
            .writeRaw(new byte[] {9, 8, 7}, 1, 1);
        assertThat(hex(w.toByteArray())).isEqualTo("a385" + "81" + "fffe" + "80" + "08");
        assertThat(w.asByteBuffer().remaining()).isEqualTo(7);
    }

    @Test
    void whatItWritesReadsBack() {
        EbmlWriter w = new EbmlWriter(64).writeUnsigned(0xD7, 0xFFFF_FFFF_FFL).writeSigned(0xFB, Long.MIN_VALUE);
        byte[] b = w.toByteArray();
        EbmlReader r = new EbmlReader(b, 0, b.length);
        assertThat(r.readUnsigned(r.readHeader().size())).isEqualTo(0xFFFF_FFFF_FFL);
        assertThat(r.readSigned(r.readHeader().size())).isEqualTo(Long.MIN_VALUE);
    }
}
