package dev.freshet.fragments.mkv;

import java.util.List;
import java.util.OptionalLong;

/**
 * Decodes SimpleBlocks and BlockGroups (RFC 9559 section 10):
 *
 * <pre>
 *  SimpleBlock 0xA3 / Block 0xA1 data:
 *  +--------------------+----------------------+-------+----------------------------+
 *  | TrackNumber (VINT) | relative timecode s16| flags | [lacing header] frames ... |
 *  +--------------------+----------------------+-------+----------------------------+
 *  flags: 0x80 keyframe (SimpleBlock only), 0x08 invisible, 0x06 lacing, 0x01 discardable
 *
 *  BlockGroup 0xA0
 *   ├ Block 0xA1 (exactly one)
 *   ├ BlockDuration 0x9B (uint, ticks)
 *   └ ReferenceBlock 0xFB (any: the block is not a keyframe)
 * </pre>
 *
 * <p>Stateless; thread-safe.
 */
final class BlockDecoder {

    private BlockDecoder() {
    }

    static MkvBlock simpleBlock(EbmlReader r) {
        return block(r, true, OptionalLong.empty(), false);
    }

    static MkvBlock blockGroup(EbmlReader r) {
        EbmlReader block = null;
        OptionalLong duration = OptionalLong.empty();
        boolean referencesOthers = false;
        while (r.hasMore()) {
            ElementHeader h = r.readHeader();
            switch (h.id()) {
                case MkvIds.BLOCK -> block = onlyBlock(block, r.child(h.size()));
                case MkvIds.BLOCK_DURATION -> duration = OptionalLong.of(duration(r.readUnsigned(h.size())));
                case MkvIds.REFERENCE_BLOCK -> referencesOthers = skip(r, h);
                default -> r.skip(h.size());
            }
        }
        if (block == null) {
            throw MkvException.invalid("BlockGroup without a Block");
        }
        return block(block, false, duration, !referencesOthers);
    }

    private static MkvBlock block(EbmlReader r, boolean simple, OptionalLong duration, boolean groupKeyframe) {
        long track = r.readVint();
        if (track < 1 || track > Integer.MAX_VALUE) {
            throw MkvException.invalid("block of TrackNumber " + track);
        }
        short timecode = r.readInt16();
        int flags = r.readUnsignedByte();
        boolean keyframe = simple ? (flags & 0x80) != 0 : groupKeyframe;
        List<byte[]> frames = Lacing.split(r, (flags >> 1) & 3);
        return new MkvBlock((int) track, timecode, keyframe, duration, frames);
    }

    private static EbmlReader onlyBlock(EbmlReader previous, EbmlReader block) {
        if (previous != null) {
            throw MkvException.invalid("BlockGroup with two Blocks");
        }
        return block;
    }

    private static long duration(long ticks) {
        if (ticks < 0) {
            throw MkvException.invalid("BlockDuration " + Long.toUnsignedString(ticks));
        }
        return ticks;
    }

    private static boolean skip(EbmlReader r, ElementHeader h) {
        r.skip(h.size());
        return true;
    }
}
