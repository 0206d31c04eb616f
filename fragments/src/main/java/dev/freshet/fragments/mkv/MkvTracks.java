package dev.freshet.fragments.mkv;

import dev.freshet.fragments.media.Track;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The tracks one Tracks element defines, in the order written. Tracks whose CodecID Freshet does
 * not know stay in {@link #entries()} and are listed by {@link #unknownCodecs()}, so the caller
 * decides whether to refuse the upload or drop those tracks.
 */
public record MkvTracks(List<MkvTrackEntry> entries) {

    public MkvTracks {
        entries = List.copyOf(Objects.requireNonNull(entries, "entries"));
    }

    /** The canonical tracks of every entry whose codec Freshet knows. */
    public List<Track> tracks() {
        return entries.stream().flatMap(e -> e.toTrack().stream()).toList();
    }

    /** The entries whose CodecID names no {@link dev.freshet.fragments.media.Codec}. */
    public List<MkvTrackEntry> unknownCodecs() {
        return entries.stream().filter(e -> e.codec().isEmpty()).toList();
    }

    public Optional<MkvTrackEntry> entry(int number) {
        return entries.stream().filter(e -> e.number() == number).findFirst();
    }
}
