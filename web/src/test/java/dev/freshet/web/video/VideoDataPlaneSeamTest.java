package dev.freshet.web.video;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.fragments.video.ResolvedStream;
import dev.freshet.fragments.video.VideoStreamLifecycle.CreateRequest;
import dev.freshet.web.metrics.Metrics;
import dev.freshet.web.server.FreshetRuntime;
import dev.freshet.web.server.config.ConfigParser;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data plane joins through {@link VideoDataPlane}: its routes are served beside the control plane's. */
class VideoDataPlaneSeamTest {

    @TempDir
    Path dir;

    @Test
    void contributedRoutesAreServedWithTheControlPlaneAndClosedWithTheModule() throws Exception {
        AtomicReference<VideoModuleContext> given = new AtomicReference<>();
        AtomicBoolean closed = new AtomicBoolean();
        VideoDataPlane listFragments = new VideoDataPlane() {
            @Override
            public List<dev.freshet.web.server.PathRoute> routes(VideoModuleContext context) {
                given.set(context);
                return new RestJsonRoutes("kinesisvideo-archived-media").add("ListFragments", "/listFragments",
                    DataPlaneInputs.LIST_FRAGMENTS, (call, out) -> {
                        ResolvedStream stream = context.streams().resolve(call.streamRef());
                        out.string("StreamId", stream.id());
                    }).routes();
            }

            @Override
            public void close() {
                closed.set(true);
            }
        };
        FreshetRuntime runtime = FreshetRuntime.start(new ConfigParser(Map.of()).parse("--port", "0", "--data-dir",
            dir.toString(), "--stream-transition-millis", "0"), new Metrics(new PrometheusRegistry()),
            List.of(new KinesisVideoModule.Factory(KinesisVideoModule::logStore, List.of(listFragments))));
        try {
            given.get().streams().streams().create(CreateRequest.named("seam"));

            HttpResponse<String> listed = post(runtime, "/listFragments", "{\"StreamName\":\"seam\"}");
            HttpResponse<String> invalid = post(runtime, "/listFragments", "{\"StreamName\":\"seam\",\"MaxResults\":0}");
            HttpResponse<String> missing = post(runtime, "/listFragments", "{\"StreamName\":\"gone\"}");

            assertThat(listed.body()).matches("\\{\"StreamId\":\"kvs-[a-z0-9]{20}\"}");
            assertThat(invalid.headers().firstValue("x-amzn-ErrorType")).contains("ValidationException");
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(post(runtime, "/describeStream", "{\"StreamName\":\"seam\"}").statusCode()).isEqualTo(200);
            assertThat(given.get().fragments().getClass().getSimpleName()).isEqualTo("LogFragmentStore");
        } finally {
            runtime.stop();
        }
        assertThat(closed).isTrue();
    }

    private static HttpResponse<String> post(FreshetRuntime runtime, String path, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(runtime.server().httpUri().resolve(path))
            .POST(BodyPublishers.ofString(body)).build(), BodyHandlers.ofString());
    }
}
