package dev.freshet.fragments.mkv;

/**
 * Decodes the Data of an EBML Header (RFC 8794 section 11.2.1):
 *
 * <pre>
 *  EBML 0x1A45DFA3
 *   ├ EBMLVersion 0x4286 (1)        ├ DocType 0x4282 ("matroska" | "webm")
 *   ├ EBMLReadVersion 0x42F7 (1)    ├ DocTypeVersion 0x4287
 *   ├ EBMLMaxIDLength 0x42F2 (4)    └ DocTypeReadVersion 0x4285
 *   └ EBMLMaxSizeLength 0x42F3 (8)
 * </pre>
 *
 * Refuses documents that need a newer EBML reader or are neither Matroska nor WebM.
 *
 * <p>Stateless; thread-safe.
 */
final class EbmlHeaderDecoder {

    private EbmlHeaderDecoder() {
    }

    static EbmlHeader decode(EbmlReader r) {
        String docType = null;
        long docTypeVersion = 1;
        long docTypeReadVersion = 1;
        while (r.hasMore()) {
            ElementHeader h = r.readHeader();
            switch (h.id()) {
                case MkvIds.EBML_READ_VERSION -> checkReadVersion(r.readUnsigned(h.size()));
                case MkvIds.DOC_TYPE -> docType = r.readString(h.size());
                case MkvIds.DOC_TYPE_VERSION -> docTypeVersion = r.readUnsigned(h.size());
                case MkvIds.DOC_TYPE_READ_VERSION -> docTypeReadVersion = r.readUnsigned(h.size());
                default -> r.skip(h.size());
            }
        }
        if (!"matroska".equals(docType) && !"webm".equals(docType)) {
            throw MkvException.invalid("DocType " + docType + " is neither matroska nor webm");
        }
        return new EbmlHeader(docType, docTypeVersion, docTypeReadVersion);
    }

    private static void checkReadVersion(long version) {
        if (version != 1) {
            throw MkvException.invalid("EBMLReadVersion " + version + " (only 1 exists)");
        }
    }
}
