package dev.freshet.fragments.mkv;

/**
 * The head of one EBML Element: its ID and Data Size (RFC 8794 section 6).
 *
 * <pre>
 *  +------------------+----------------------+---------------------+
 *  | Element ID, 1..4 | Data Size VINT, 1..8 | Data (size octets)  |
 *  +------------------+----------------------+---------------------+
 * </pre>
 *
 * Matroska caps Element IDs at 4 octets (EBMLMaxIDLength, RFC 9559 section 5.1), so an ID fits an int.
 *
 * @param id           the Element ID, marker included ({@code 0x1F43B675} for Cluster)
 * @param size         the Data Size, or {@link EbmlVint#UNKNOWN_SIZE}
 * @param headerLength octets of ID plus Data Size
 */
public record ElementHeader(int id, long size, int headerLength) {

    /** Matroska's EBMLMaxIDLength. */
    public static final int MAX_ID_WIDTH = 4;

    public boolean unknownSize() {
        return size == EbmlVint.UNKNOWN_SIZE;
    }

    /**
     * Decodes a header from {@code src[off..off+available)}.
     *
     * @return the header, or null when more octets are needed
     * @throws MkvException on an invalid ID or Data Size
     */
    public static ElementHeader decode(byte[] src, int off, int available) {
        if (available < 1) {
            return null;
        }
        int idWidth = idWidth(src[off]);
        if (available < idWidth + 1) {
            return null;
        }
        long id = EbmlVint.raw(src, off, idWidth);
        if (!EbmlVint.isValidId(id, idWidth)) {
            throw MkvException.invalid(String.format("invalid element ID 0x%X", id));
        }
        int sizeWidth = EbmlVint.width(src[off + idWidth]);
        if (sizeWidth == 0) {
            throw MkvException.invalid(String.format("data size of element 0x%X wider than 8 octets", id));
        }
        if (available < idWidth + sizeWidth) {
            return null;
        }
        long size = EbmlVint.decodeSize(src, off + idWidth, sizeWidth);
        return new ElementHeader((int) id, size, idWidth + sizeWidth);
    }

    private static int idWidth(byte first) {
        int width = EbmlVint.width(first);
        if (width == 0 || width > MAX_ID_WIDTH) {
            throw MkvException.invalid(String.format("element ID starting 0x%02X is wider than %d octets",
                first & 0xFF, MAX_ID_WIDTH));
        }
        return width;
    }
}
