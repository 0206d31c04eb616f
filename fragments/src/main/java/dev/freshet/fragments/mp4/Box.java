package dev.freshet.fragments.mp4;

/**
 * One ISO base media file format box (ISO/IEC 14496-12 4.2) that knows its encoded size before it is
 * written, so a whole tree is measured first and then written into one presized buffer.
 *
 * <pre>
 *  u32 size (header included)  u32 type (four ASCII characters)
 *  [FullBox: u8 version, u24 flags]
 *  payload
 * </pre>
 *
 * <p>Implementations are immutable value holders; thread-safe.
 */
interface Box {

    /** Encoded size in bytes, header included. */
    int size();

    /** Writes exactly {@link #size()} bytes. */
    void write(BoxBuffer out);
}
