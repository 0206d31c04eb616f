package dev.freshet.tests.video.support;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.kinesisvideomedia.KinesisVideoMediaClient;
import software.amazon.awssdk.services.kinesisvideomedia.model.GetMediaRequest;
import software.amazon.awssdk.services.kinesisvideomedia.model.GetMediaResponse;

/**
 * A GetMedia call through {@link KinesisVideoMediaClient#getMedia}: the streaming response is read on a
 * background thread with {@link MkvFragmentReader}, fragments are handed to the test as they arrive, and
 * {@link #close()} aborts the stream (GetMedia does not end by itself while the stream lives).
 *
 * <p>Thread-safe for one consumer thread.
 */
public final class GetMediaSession implements AutoCloseable {
    private static final MediaFragment END = new MediaFragment(new byte[0], List.of(), new byte[0], java.util.Map.of());

    private final ResponseInputStream<GetMediaResponse> response;
    private final LinkedBlockingQueue<MediaFragment> fragments = new LinkedBlockingQueue<>();
    private final MkvFragmentReader reader;
    private volatile Throwable failure;
    private int received;

    private GetMediaSession(ResponseInputStream<GetMediaResponse> response) {
        this.response = response;
        this.reader = new MkvFragmentReader(response);
        Thread thread = new Thread(this::read, "get-media-reader");
        thread.setDaemon(true);
        thread.start();
    }

    public static GetMediaSession open(KinesisVideoMediaClient client, Consumer<GetMediaRequest.Builder> request) {
        return new GetMediaSession(client.getMedia(request));
    }

    /** The Content-Type the service sent. */
    public String contentType() {
        return response.response().contentType();
    }

    /** The next fragment; fails when none arrives in time or the stream ended. */
    public MediaFragment next(Duration atMost) {
        try {
            MediaFragment fragment = fragments.poll(atMost.toMillis(), TimeUnit.MILLISECONDS);
            if (fragment == null) {
                throw new AssertionError("no GetMedia fragment within " + atMost + " after " + received + " fragments"
                        + (failure == null ? "" : "; " + failure));
            }
            if (fragment == END) {
                fragments.add(END);
                throw new AssertionError("GetMedia stream ended after " + received + " fragments"
                        + (failure == null ? "" : " with " + failure) + "; error tags " + reader.errors());
            }
            received++;
            return fragment;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public List<MediaFragment> next(int count, Duration eachWithin) {
        List<MediaFragment> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(next(eachWithin));
        }
        return out;
    }

    @Override
    public void close() {
        response.abort();
        try {
            response.close();
        } catch (IOException | RuntimeException ignored) {
            // aborted
        }
    }

    /** Reads every fragment of a finite MKV stream (GetMediaForFragmentList) to its end. */
    public static List<MediaFragment> readAll(InputStream in) {
        MkvFragmentReader reader = new MkvFragmentReader(in);
        List<MediaFragment> out = new ArrayList<>();
        try (in) {
            for (MediaFragment f = reader.next(); f != null; f = reader.next()) {
                out.add(f);
            }
        } catch (IOException e) {
            throw new AssertionError("the media stream is not valid Matroska after " + out.size() + " fragments", e);
        }
        return out;
    }

    private void read() {
        try {
            for (MediaFragment f = reader.next(); f != null; f = reader.next()) {
                fragments.add(f);
            }
        } catch (IOException | RuntimeException e) {
            failure = e;
        } finally {
            fragments.add(END);
        }
    }
}
