package dev.freshet.fragments.mp4;

import java.nio.charset.StandardCharsets;

/**
 * {@code hdlr} (ISO/IEC 14496-12 8.4.3): the track's media type.
 *
 * <pre>
 *  full box header | u32 pre_defined = 0 | u32 handler_type ('vide' | 'soun') | u32 reserved[3]
 *  UTF-8 name, NUL-terminated
 * </pre>
 *
 * Immutable; thread-safe.
 */
record HandlerBox(String handlerType, String name) implements Box {

    static final HandlerBox VIDEO = new HandlerBox("vide", "VideoHandler");
    static final HandlerBox SOUND = new HandlerBox("soun", "SoundHandler");

    @Override
    public int size() {
        return 33 + name.getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    public void write(BoxBuffer out) {
        out.fullHeader(size(), "hdlr", 0, 0);
        out.u32(0);
        out.type(handlerType);
        out.zeros(12);
        out.bytes(name.getBytes(StandardCharsets.UTF_8));
        out.u8(0);
    }
}
