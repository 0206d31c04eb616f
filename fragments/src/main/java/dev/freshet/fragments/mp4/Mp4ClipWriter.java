package dev.freshet.fragments.mp4;

import dev.freshet.fragments.media.Frame;
import dev.freshet.fragments.media.Track;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes a plain (non-fragmented) MP4 of frames that may span many fragments — what GetClip
 * returns. The {@code moov} comes first so players can start before the download ends ("fast
 * start"); the media follows in one {@code mdat}, streamed from the frames without another copy.
 * Memory beyond the frames themselves is the sample tables (a few ints per frame).
 *
 * <pre>
 *  ftyp(isom: isom iso2 avc1 mp41)
 *  moov ├ mvhd (timescale 1000)
 *       └ trak per track with frames: tkhd, edts/elst, mdia (mdhd, hdlr,
 *           minf (vmhd|smhd, dinf, stbl (stsd, stts, [ctts], [stss], stsc, stsz, co64)))
 *  mdat (frames in the order given; 64-bit size when above 4 GiB)
 * </pre>
 *
 * <p>Each track's decode timeline starts at 0 with non-negative composition offsets; its edit list
 * puts its earliest frame at its distance from the clip's earliest frame, so the clip presents from
 * time 0 with tracks in sync. See {@link ClipTrack}.
 *
 * <p>Immutable; thread-safe (each {@link #write} call is independent).
 */
public final class Mp4ClipWriter {

    private static final Timescale MOVIE = new Timescale(1000);
    private static final long MAX_SMALL_BOX = 0xFFFFFFFFL;

    private final List<Track> tracks;

    /** A writer for the given tracks; frames of other tracks are left out of clips. */
    public Mp4ClipWriter(List<Track> tracks) {
        this.tracks = List.copyOf(tracks);
    }

    /**
     * Writes the clip; does not close {@code out}.
     *
     * @param frames in decode order per track (tracks interleaved by time, as fragments hold them)
     * @throws IllegalArgumentException when no frame belongs to the writer's tracks
     */
    public ClipResult write(List<Frame> frames, OutputStream out) throws IOException {
        List<ClipTrack> clipTracks = ClipTrack.layout(tracks, frames);
        if (clipTracks.isEmpty()) {
            throw new IllegalArgumentException("no frames of tracks " + tracks);
        }
        long media = clipTracks.stream().mapToLong(ClipTrack::mediaBytes).sum();
        int mdatHeader = media + 8 > MAX_SMALL_BOX ? 16 : 8;
        long clipStart = clipTracks.stream().mapToLong(ClipTrack::startMicros).min().orElseThrow();
        int headSize = FileTypeBox.MP4.size() + moov(clipTracks, clipStart, 0).size();
        byte[] head = BoxBuffer.write(FileTypeBox.MP4, moov(clipTracks, clipStart, headSize + mdatHeader));
        out.write(head);
        writeMediaData(frames, media, mdatHeader, out);
        long end = clipTracks.stream().mapToLong(t -> t.startMicros() + t.durationMicros()).max().orElseThrow();
        return new ClipResult(head.length + mdatHeader + media, clipStart, end - clipStart);
    }

    private static Box moov(List<ClipTrack> clipTracks, long clipStart, long mediaStart) {
        List<Box> children = new ArrayList<>();
        long duration = 0;
        List<Box> traks = new ArrayList<>();
        for (ClipTrack track : clipTracks) {
            traks.add(track.trak(MOVIE, clipStart, mediaStart));
            duration = Math.max(duration, MOVIE.ticks(track.startMicros() + track.durationMicros()) - MOVIE.ticks(clipStart));
        }
        int nextTrackId = clipTracks.stream().mapToInt(t -> t.track().number()).max().orElse(0) + 1;
        children.add(new MovieHeaderBox(MOVIE.ticksPerSecond(), duration, nextTrackId));
        children.addAll(traks);
        return new ContainerBox("moov", children);
    }

    private void writeMediaData(List<Frame> frames, long media, int headerSize, OutputStream out) throws IOException {
        BoxBuffer header = new BoxBuffer(headerSize);
        if (headerSize == 16) {
            header.header(1, "mdat");
            header.u64(media + 16);
        } else {
            header.header(media + 8, "mdat");
        }
        out.write(header.finish());
        Set<Integer> written = tracks.stream().map(Track::number).collect(Collectors.toSet());
        for (Frame frame : frames) {
            if (written.contains(frame.track())) {
                out.write(frame.data());
            }
        }
    }
}
