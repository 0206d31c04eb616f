package dev.freshet.fragments.mkv;

/**
 * What a stream's EBML Header (RFC 8794 section 11.2.1) declares about the document that follows.
 *
 * @param docType            {@code matroska} or {@code webm}
 * @param docTypeVersion     the Matroska version the writer used
 * @param docTypeReadVersion the Matroska version a reader needs
 */
public record EbmlHeader(String docType, long docTypeVersion, long docTypeReadVersion) {
}
