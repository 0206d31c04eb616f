package dev.freshet.tests.scripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.freshet.tests.harness.FreshetServer;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs the AWS CLI and boto3 scenarios in {@code tests/scripts} (Kinesis, Firehose) against the server, as part of the same
 * test command. A missing interpreter fails the test (with how to install it) rather than skipping it.
 */
class ScriptScenariosTest {
    private static final Path SCRIPTS = Path.of(System.getProperty("freshet.scripts", "scripts"));

    @RegisterExtension
    static final FreshetServer server = new FreshetServer();

    @Test
    void awsCliScenarioPasses() throws Exception {
        String aws = onPath("aws").orElseGet(() -> fail("the AWS CLI is not on PATH: install it "
                + "(`apt-get install -y awscli` or `pip install awscli`)"));
        String python = anyPython();
        run(List.of("bash", SCRIPTS.resolve("cli-scenario.sh").toString(), server.endpoint().toString()),
                python, aws);
    }

    @Test
    void boto3ScenarioPasses() throws Exception {
        String python = pythonWithBoto3().orElseGet(() -> fail("no python3 that can `import boto3`: install it "
                + "(`apt-get install -y python3-boto3` or `pip install boto3`)"));
        run(List.of(python, SCRIPTS.resolve("boto3_scenario.py").toString(), server.endpoint().toString()),
                python, null);
    }

    @Test
    void firehoseAwsCliScenarioPasses() throws Exception {
        String aws = onPath("aws").orElseGet(() -> fail("the AWS CLI is not on PATH: install it "
                + "(`apt-get install -y awscli` or `pip install awscli`)"));
        String python = anyPython();
        run(List.of("bash", SCRIPTS.resolve("firehose-cli-scenario.sh").toString(), server.endpoint().toString(),
                dataDir()), python, aws);
    }

    @Test
    void firehoseBoto3ScenarioPasses() throws Exception {
        String python = pythonWithBoto3().orElseGet(() -> fail("no python3 that can `import boto3`: install it "
                + "(`apt-get install -y python3-boto3` or `pip install boto3`)"));
        run(List.of(python, SCRIPTS.resolve("firehose_boto3_scenario.py").toString(), server.endpoint().toString(),
                dataDir()), python, null);
    }

    /** Where the Firehose scenarios read delivered objects back ({@code <data-dir>/s3}); "" (skip) for an external server. */
    private static String dataDir() {
        return FreshetServer.externalEndpoint() == null ? server.process().dataDir().toString() : "";
    }

    private static void run(List<String> command, String python, String aws) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PYTHON", python);
        if (aws != null) {
            String dir = Path.of(aws).getParent().toString();
            builder.environment().merge("PATH", dir, (old, add) -> add + File.pathSeparator + old);
        }
        Process process = builder.start();
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        System.out.println(output);
        if (!finished) {
            process.destroyForcibly();
            fail("scenario did not finish within 5 minutes:\n" + output);
        }
        assertThat(process.exitValue()).as("exit code of %s; output:%n%s", command, output).isZero();
        assertThat(output).contains("PASS").doesNotContain("FAIL");
    }

    private static Optional<String> pythonWithBoto3() {
        return python3Candidates().stream().filter(p -> exitsZero(p, "-c", "import boto3")).findFirst();
    }

    private static String anyPython() {
        return python3Candidates().stream().filter(p -> exitsZero(p, "-c", "import json"))
                .findFirst().orElseGet(() -> fail("no python3 found: install it (`apt-get install -y python3`)"));
    }

    private static List<String> python3Candidates() {
        return onPath("python3").map(p -> List.of(p, "/usr/bin/python3")).orElse(List.of("/usr/bin/python3"));
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

    private static boolean exitsZero(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
