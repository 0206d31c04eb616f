package dev.freshet.fragments.mp4;

import java.util.List;

/**
 * {@code ftyp} (ISO/IEC 14496-12 4.3) at the start of a file or init segment, or {@code styp}
 * (8.16.2, same layout) at the start of a media segment.
 *
 * <pre>
 *  box header | u32 major_brand | u32 minor_version | u32 compatible_brands[]
 * </pre>
 *
 * Immutable; thread-safe.
 */
record FileTypeBox(String type, String majorBrand, int minorVersion, List<String> compatibleBrands) implements Box {

    /** CMAF init segment: ISO BMFF version 6 with the CMAF track brand (ISO/IEC 23000-19 7.2). */
    static final FileTypeBox CMAF_INIT = new FileTypeBox("ftyp", "iso6", 0, List.of("iso6", "cmfc", "mp41"));
    /** CMAF media segment (23000-19 7.3.3.2): a segment that also suits DASH's simple profile. */
    static final FileTypeBox CMAF_SEGMENT = new FileTypeBox("styp", "msdh", 0, List.of("msdh", "cmfs"));
    /** Plain MP4 with 64-bit chunk offsets and per-sample composition offsets. */
    static final FileTypeBox MP4 = new FileTypeBox("ftyp", "isom", 512, List.of("isom", "iso2", "avc1", "mp41"));

    FileTypeBox {
        compatibleBrands = List.copyOf(compatibleBrands);
    }

    @Override
    public int size() {
        return 16 + 4 * compatibleBrands.size();
    }

    @Override
    public void write(BoxBuffer out) {
        out.header(size(), type);
        out.type(majorBrand);
        out.u32(minorVersion);
        compatibleBrands.forEach(out::type);
    }
}
