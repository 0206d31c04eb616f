package dev.freshet.web.video;

import dev.freshet.fragments.media.Codec;
import dev.freshet.fragments.media.Track;
import dev.freshet.fragments.store.FragmentInfo;
import dev.freshet.fragments.store.FragmentLog;
import dev.freshet.fragments.video.VideoErrorType;

import java.util.List;

/**
 * What a streaming session needs of a stream's media before it is handed out, as the service checks
 * it: H.264 and H.265 tracks carry their decoder configuration (ingest does not insist on it, so a
 * producer that left it out learns here, with MissingCodecPrivateDataException).
 *
 * <p>Stateless; thread-safe.
 */
final class PlayableTracks {

    private PlayableTracks() {
    }

    /** Checks the tracks of the newest fragment a session would play. */
    static void check(FragmentLog log, List<FragmentInfo> fragments) {
        if (fragments.isEmpty()) {
            return;
        }
        log.read(fragments.get(fragments.size() - 1).sequence()).ifPresent(fragment -> {
            for (Track track : fragment.tracks()) {
                boolean needsConfig = track.codec() == Codec.H264 || track.codec() == Codec.H265;
                if (needsConfig && track.codecPrivate().length == 0) {
                    throw VideoErrorType.MISSING_CODEC_PRIVATE_DATA.exception(
                        "No codec private data was found in track %d (%s) of the stream.", track.number(),
                        track.codec());
                }
            }
        });
    }
}
