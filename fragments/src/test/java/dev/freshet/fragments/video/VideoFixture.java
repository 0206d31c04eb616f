package dev.freshet.fragments.video;

import java.nio.file.Path;
import java.time.Duration;

/** A control plane over a fake store and a manual clock, with a 1-second transition delay. */
final class VideoFixture {

    static final Duration DELAY = Duration.ofSeconds(1);

    final ManualClock clock = new ManualClock();
    final FakeFragmentStore store = new FakeFragmentStore();
    final Path dir;
    VideoStreams video;

    VideoFixture(Path dir) {
        this.dir = dir;
        restart();
    }

    /** A new control plane on the same folder and store, as after a server restart. */
    void restart() {
        VideoSettings settings = new VideoSettings("eu-west-1", "123456789012", DELAY, clock);
        video = new VideoStreams(settings, store, dir);
    }

    /** Creates a stream and lets its CREATING phase pass; returns its ARN. */
    String active(String name, int retentionHours) {
        String arn = video.streams().create(new VideoStreamLifecycle.CreateRequest(name, null, null, null,
            retentionHours, null, null));
        settle();
        return arn;
    }

    void settle() {
        clock.advance(DELAY);
    }

    VideoStreamInfo describe(String name) {
        return video.streams().describe(VideoStreamRef.byName(name));
    }
}
