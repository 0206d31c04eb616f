package dev.freshet.fragments.mp4;

import dev.freshet.fragments.media.MediaKind;
import dev.freshet.fragments.media.Track;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@code trak} (ISO/IEC 14496-12 8.3.1) for a track, given its sample tables; shared by the
 * CMAF init segment (empty tables) and clips (full tables).
 *
 * <pre>
 *  trak
 *   ├ tkhd
 *   ├ [edts/elst]
 *   └ mdia
 *      ├ mdhd
 *      ├ hdlr
 *      └ minf
 *         ├ vmhd | smhd
 *         ├ dinf/dref/url
 *         └ stbl: stsd, stts, [ctts], [stss], stsc, stsz, stco|co64
 * </pre>
 *
 * Stateless; thread-safe.
 */
final class TrackBox {

    private TrackBox() {
    }

    /**
     * @param movieDuration track duration in the movie timescale (0 when fragmented)
     * @param mediaDuration track duration in its own timescale (0 when fragmented)
     * @param edits         an edit list, or null
     * @param tables        the sample table boxes after {@code stsd}
     */
    static Box of(Track track, long movieDuration, long mediaDuration, Box edits, List<Box> tables) {
        boolean video = track.kind() == MediaKind.VIDEO;
        Box minf = ContainerBox.of("minf",
            video ? MediaInformationHeaderBox.VIDEO : MediaInformationHeaderBox.SOUND,
            DataInformationBox.SELF_CONTAINED,
            sampleTable(track, tables));
        Box mdia = ContainerBox.of("mdia",
            new MediaHeaderBox(Timescale.of(track).ticksPerSecond(), mediaDuration),
            video ? HandlerBox.VIDEO : HandlerBox.SOUND,
            minf);
        List<Box> children = new ArrayList<>(3);
        children.add(new TrackHeaderBox(track.number(), movieDuration, !video, track.width(), track.height()));
        if (edits != null) {
            children.add(edits);
        }
        children.add(mdia);
        return new ContainerBox("trak", children);
    }

    /** The trak of a fragmented file: every table empty, the samples are in the fragments. */
    static Box fragmented(Track track) {
        return of(track, 0, 0, null, List.of(TimeToSampleBox.EMPTY, SampleToChunkBox.EMPTY, SampleSizeBox.EMPTY,
            ChunkOffsetBox.EMPTY));
    }

    private static Box sampleTable(Track track, List<Box> tables) {
        List<Box> children = new ArrayList<>(tables.size() + 1);
        children.add(SampleDescriptionBox.of(track));
        children.addAll(tables);
        return new ContainerBox("stbl", children);
    }
}
