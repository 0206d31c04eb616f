package dev.freshet.tests.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.freshet.tests.harness.FreshetServer;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs {@code tests/scripts/kvs-cli-scenario.sh} ({@code aws kinesisvideo … --endpoint-url}) against
 * the server. A missing AWS CLI or python3 fails the test (with how to install it) rather than
 * skipping it, as for the Kinesis scenarios.
 */
class ControlPlaneCliTest {
    private static final Path SCRIPTS = Path.of(System.getProperty("freshet.scripts", "scripts"));

    @RegisterExtension
    static final FreshetServer server = new FreshetServer("--stream-transition-millis", "200");

    @Test
    void awsCliScenarioPasses() throws Exception {
        String aws = onPath("aws").orElseGet(() -> fail("the AWS CLI is not on PATH: install it "
                + "(`apt-get install -y awscli` or `pip install awscli`)"));
        String python = onPath("python3").orElseGet(() -> fail("python3 is not on PATH: install it"));
        ProcessBuilder builder = new ProcessBuilder("bash", SCRIPTS.resolve("kvs-cli-scenario.sh").toString(),
                server.endpoint().toString()).redirectErrorStream(true);
        builder.environment().put("PYTHON", python);
        builder.environment().merge("PATH", Path.of(aws).getParent().toString(),
                (old, add) -> add + File.pathSeparator + old);

        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        System.out.println(output);

        assertThat(finished).as("scenario finished; output:%n%s", output).isTrue();
        assertThat(process.exitValue()).as("exit code; output:%n%s", output).isZero();
        assertThat(output).contains("PASS").doesNotContain("FAIL");
    }

    private static Optional<String> onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }
}
