package dev.freshet.webrtc.rtcp;

import java.util.ArrayList;
import java.util.List;

/**
 * A source description, RTCP packet type 202 (RFC 3550 section 6.5): per source a list of text
 * items, of which WebRTC sends only CNAME. Each chunk's items end with a null octet and zeros to
 * the next 32-bit boundary. Text that is not UTF-8 is read with replacement
 * characters, shortened if need be to stay within 255 bytes when written again.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |V=2|P|    SC   |  PT=SDES=202  |             length            |
 *  +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 *  |                          SSRC/CSRC_1                          |  chunk 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |    type=1     |     length    | user and domain name ...      |  CNAME item (section 6.5.1)
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |  ... items    |  0 (end)      |  zeros to a 32-bit boundary   |
 *  +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 *  |                          SSRC/CSRC_2 ...                      |  chunk 2
 * </pre>
 *
 * <p>Immutable; thread-safe.
 */
public record Sdes(List<Sdes.Chunk> chunks) implements RtcpPacket {

    static final int TYPE = 202;
    /** The item type of the canonical name (RFC 3550 section 6.5.1). */
    public static final int CNAME = 1;

    /** The items describing one source. */
    public record Chunk(long ssrc, List<Item> items) {
        public Chunk {
            items = List.copyOf(items);
            FieldChecks.bits(ssrc, 32, "SSRC");
        }

        /** The first CNAME item's text, or null. */
        public String cname() {
            return items.stream().filter(i -> i.type == CNAME).map(Item::text).findFirst().orElse(null);
        }

        int encodedSize() {
            int items = this.items.stream().mapToInt(i -> 2 + i.utf8().length).sum();
            return 4 + (items / 4 + 1) * 4;
        }
    }

    /**
     * One item.
     *
     * @param type 1..255 (1 CNAME, 2 NAME, 3 EMAIL, ... 8 PRIV)
     * @param text at most 255 bytes of UTF-8
     */
    public record Item(int type, String text) {
        public Item {
            FieldChecks.bits(type - 1, 8, "SDES item type - 1");
            Text.check(text, "SDES item");
        }

        byte[] utf8() {
            return Text.utf8(text);
        }
    }

    public Sdes {
        chunks = List.copyOf(chunks);
        FieldChecks.count(chunks, 31, "SDES chunks");
    }

    /** The SDES a sender sends about itself: one chunk with its CNAME. */
    public static Sdes cname(long ssrc, String cname) {
        return new Sdes(List.of(new Chunk(ssrc, List.of(new Item(CNAME, cname)))));
    }

    /** Decodes one SDES that fills the {@code len} bytes exactly. */
    public static Sdes decode(byte[] b, int off, int len) {
        return read(RtcpHeader.decodeSingle(b, off, len, TYPE, -1), b);
    }

    static Sdes read(RtcpHeader h, byte[] b) {
        RtcpReader r = h.body(b);
        List<Chunk> chunks = new ArrayList<>(h.count());
        for (int i = 0; i < h.count(); i++) {
            chunks.add(new Chunk(r.u32(), readItems(r)));
            r.alignTo32Bits();
        }
        return new Sdes(chunks);
    }

    private static List<Item> readItems(RtcpReader r) {
        List<Item> items = new ArrayList<>();
        while (true) {
            if (r.remaining() == 0) {
                throw RtcpHeader.malformed(RtcpMalformed.BAD_SDES, "chunk without a null item");
            }
            int type = r.u8();
            if (type == 0) {
                return items;
            }
            items.add(new Item(type, Text.read(r)));
        }
    }

    @Override
    public int encodedSize() {
        return RtcpHeader.SIZE + chunks.stream().mapToInt(Chunk::encodedSize).sum();
    }

    @Override
    public int encodeTo(byte[] out, int at) {
        RtcpWriter w = new RtcpWriter(out, at, encodedSize(), chunks.size(), TYPE);
        for (Chunk c : chunks) {
            w.u32(c.ssrc);
            for (Item i : c.items) {
                byte[] text = i.utf8();
                w.u8(i.type).u8(text.length).bytes(text);
            }
            w.u8(0).zerosTo32Bits();
        }
        return w.written();
    }
}
