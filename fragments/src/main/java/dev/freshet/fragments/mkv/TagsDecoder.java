package dev.freshet.fragments.mkv;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the Data of a Tags element (RFC 9559 section 5.1.8) into TagName/TagString pairs, in the
 * order written, nested SimpleTags flattened after their parent. SimpleTags without a name or with
 * a TagBinary instead of a TagString are left out.
 *
 * <pre>
 *  Tags 0x1254C367
 *   └ Tag 0x7373
 *      ├ Targets 0x63C0 (skipped)
 *      └ SimpleTag 0x67C8
 *         ├ TagName 0x45A3 (utf-8)
 *         ├ TagString 0x4487 (utf-8)
 *         └ SimpleTag 0x67C8 (nested, at most {@value #MAX_DEPTH} deep)
 * </pre>
 *
 * <p>Stateless; thread-safe.
 */
final class TagsDecoder {

    static final int MAX_DEPTH = 8;

    private TagsDecoder() {
    }

    static List<MkvSimpleTag> decode(EbmlReader r) {
        List<MkvSimpleTag> tags = new ArrayList<>();
        while (r.hasMore()) {
            ElementHeader h = r.readHeader();
            if (h.id() == MkvIds.TAG) {
                readTag(r.child(h.size()), tags);
            } else {
                r.skip(h.size());
            }
        }
        return tags;
    }

    private static void readTag(EbmlReader r, List<MkvSimpleTag> out) {
        while (r.hasMore()) {
            ElementHeader h = r.readHeader();
            if (h.id() == MkvIds.SIMPLE_TAG) {
                readSimpleTag(r.child(h.size()), out, 1);
            } else {
                r.skip(h.size());
            }
        }
    }

    private static void readSimpleTag(EbmlReader r, List<MkvSimpleTag> out, int depth) {
        if (depth > MAX_DEPTH) {
            throw MkvException.invalid("SimpleTags nested deeper than " + MAX_DEPTH);
        }
        String name = null;
        String value = null;
        List<MkvSimpleTag> nested = new ArrayList<>();
        while (r.hasMore()) {
            ElementHeader h = r.readHeader();
            switch (h.id()) {
                case MkvIds.TAG_NAME -> name = r.readString(h.size());
                case MkvIds.TAG_STRING -> value = r.readString(h.size());
                case MkvIds.SIMPLE_TAG -> readSimpleTag(r.child(h.size()), nested, depth + 1);
                default -> r.skip(h.size());
            }
        }
        if (name != null && value != null) {
            out.add(new MkvSimpleTag(name, value));
        }
        out.addAll(nested);
    }
}
