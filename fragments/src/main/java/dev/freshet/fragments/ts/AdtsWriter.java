package dev.freshet.fragments.ts;

import dev.freshet.fragments.codec.AudioSpecificConfig;
import dev.freshet.fragments.media.Frame;

/**
 * AAC in MPEG-TS (stream_type 0x0F): each raw access unit behind its 7-byte ADTS header (ISO/IEC
 * 14496-3 1.A.2), built from the track's AudioSpecificConfig. Immutable; thread-safe.
 */
record AdtsWriter(AudioSpecificConfig config) implements AccessUnitWriter {

    @Override
    public int size(Frame frame) {
        return AudioSpecificConfig.ADTS_HEADER_LENGTH + frame.data().length;
    }

    @Override
    public void write(Frame frame, PesPacketizer out) {
        byte[] header = out.scratch();
        config.writeAdtsHeader(header, 0, frame.data().length);
        out.write(header, 0, AudioSpecificConfig.ADTS_HEADER_LENGTH);
        out.write(frame.data(), 0, frame.data().length);
    }
}
