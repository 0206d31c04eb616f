package dev.freshet.web.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.freshet.datastreams.log.Durability;
import dev.freshet.web.server.config.ConfigException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.event.Level;

class ConfigParserTest {

    @TempDir
    Path dir;

    private static FreshetConfig parse(Map<String, String> env, String... args) throws ConfigException {
        return new ConfigParser(env).parse(args);
    }

    private static ConfigException failure(Map<String, String> env, String... args) {
        try {
            parse(env, args);
        } catch (ConfigException e) {
            return e;
        }
        throw new AssertionError("expected a ConfigException");
    }

    @Test
    void defaultsNeedNothing() throws ConfigException {
        FreshetConfig config = parse(Map.of());

        assertThat(config.port()).isEqualTo(4567);
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.dataDir()).isEqualTo(Path.of("./freshet-data"));
        assertThat(config.region()).isEqualTo("us-east-1");
        assertThat(config.accountId()).isEqualTo("000000000000");
        assertThat(config.durability()).isEqualTo(Durability.OS);
        assertThat(config.enforceLimits()).isFalse();
        assertThat(config.streamTransition()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.shardIteratorTtl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.subscriptionLifetime()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.segmentBytes()).isEqualTo(64L * 1024 * 1024);
        assertThat(config.segmentAge()).isEqualTo(Duration.ofHours(1));
        assertThat(config.retentionCheckInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.tlsPort()).isEmpty();
        assertThat(config.tlsKeystore()).isEmpty();
        assertThat(config.tlsKeystorePassword()).isEmpty();
        assertThat(config.logFormat()).isEqualTo(LogFormat.TEXT);
        assertThat(config.logLevel()).isEqualTo(Level.INFO);
        assertThat(config.maxRequestBytes()).isEqualTo(32L * 1024 * 1024);
        assertThat(config.shutdownGrace()).isEqualTo(Duration.ofSeconds(10));
        assertThat(FreshetConfig.defaults()).isEqualTo(config);
    }

    @Test
    void flagBeatsEnvironmentBeatsFileBeatsDefault() throws Exception {
        Path file = write("port = 1111\nhost = 0.0.0.0\nregion = eu-west-1\n");
        Map<String, String> env = Map.of("FRESHET_PORT", "2222", "FRESHET_HOST", "::1");

        FreshetConfig config = parse(env, "--config", file.toString(), "--port", "3333");

        assertThat(config.port()).isEqualTo(3333);
        assertThat(config.host()).isEqualTo("::1");
        assertThat(config.region()).isEqualTo("eu-west-1");
        assertThat(config.accountId()).isEqualTo("000000000000");
    }

    @Test
    void configFileMayComeFromTheEnvironment() throws Exception {
        Path file = write("data-dir = /var/lib/freshet\n");

        FreshetConfig config = parse(Map.of("FRESHET_CONFIG", file.toString()));

        assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/freshet"));
    }

    @Test
    void everySettingHasAnEnvironmentVariable() throws ConfigException {
        Map<String, String> env = Map.of("FRESHET_DATA_DIR", "/data", "FRESHET_ENFORCE_LIMITS", "true",
            "FRESHET_STREAM_TRANSITION_MILLIS", "0", "FRESHET_LOG_FORMAT", "json", "FRESHET_DURABILITY", "fsync");

        FreshetConfig config = parse(env);

        assertThat(config.dataDir()).isEqualTo(Path.of("/data"));
        assertThat(config.enforceLimits()).isTrue();
        assertThat(config.streamTransition()).isZero();
        assertThat(config.logFormat()).isEqualTo(LogFormat.JSON);
        assertThat(config.durability()).isEqualTo(Durability.FSYNC);
    }

    @Test
    void unrelatedEnvironmentVariablesAreIgnored() throws ConfigException {
        assertThat(parse(Map.of("FRESHET_HOME", "/opt/freshet", "PATH", "/bin")).port()).isEqualTo(4567);
    }

    @Test
    void flagsTakeSeparateOrInlineValues() throws ConfigException {
        FreshetConfig config = parse(Map.of(), "--port=0", "--data-dir", "d", "--log-level=DEBUG");

        assertThat(config.port()).isZero();
        assertThat(config.dataDir()).isEqualTo(Path.of("d"));
        assertThat(config.logLevel()).isEqualTo(Level.DEBUG);
    }

    @ParameterizedTest
    @CsvSource({
        "'--enforce-limits', true",
        "'--enforce-limits,--port,1', true",
        "'--enforce-limits,false', false",
        "'--enforce-limits=false', false",
        "'--enforce-limits,TRUE,--port,1', true"})
    void booleanFlagNeedsNoValue(String args, boolean expected) throws ConfigException {
        assertThat(parse(Map.of(), args.split(",")).enforceLimits()).isEqualTo(expected);
    }

    @Test
    void tlsSettingsTogether() throws ConfigException {
        FreshetConfig config = parse(Map.of("FRESHET_TLS_KEYSTORE_PASSWORD", "s3cret"),
            "--tls-port", "4443", "--tls-keystore", "server.p12");

        assertThat(config.tlsPort()).isEqualTo(OptionalInt.of(4443));
        assertThat(config.tlsKeystore()).contains(Path.of("server.p12"));
        assertThat(config.tlsKeystorePassword()).contains("s3cret");
        assertThat(config.toString()).doesNotContain("s3cret");
    }

    @Test
    void emptyValueUnsetsAnOptionalSetting() throws ConfigException {
        assertThat(parse(Map.of("FRESHET_TLS_PORT", "")).tlsPort()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "port, abc", "port, 65536", "port, -1", "host, ''", "host, 'two words'", "region, Mars",
        "account-id, 12345", "account-id, 1234567890123", "durability, always", "enforce-limits, yes",
        "stream-transition-millis, -1", "shard-iterator-ttl-millis, 0", "segment-bytes, 1023",
        "segment-bytes, 2147483648", "log-format, xml", "log-level, loud", "max-request-bytes, 0",
        "shutdown-grace-millis, 1.5", "tls-port, 99999"})
    void invalidValueIsRefusedWithItsSetting(String key, String value) {
        ConfigException e = failure(Map.of(), "--" + key + "=" + value);

        assertThat(e.reason()).isEqualTo(Reason.INVALID_VALUE);
        assertThat(e.getMessage()).contains(key).contains("flag --" + key);
    }

    @Test
    void invalidEnvironmentValueNamesTheVariable() {
        ConfigException e = failure(Map.of("FRESHET_PORT", "http"));

        assertThat(e.reason()).isEqualTo(Reason.INVALID_VALUE);
        assertThat(e.getMessage()).contains("FRESHET_PORT");
    }

    @Test
    void unknownFlagIsRefused() {
        assertThat(failure(Map.of(), "--prot", "1").reason()).isEqualTo(Reason.UNKNOWN_SETTING);
        assertThat(failure(Map.of(), "--prot=1").reason()).isEqualTo(Reason.UNKNOWN_SETTING);
    }

    @Test
    void flagWithoutValueIsRefused() {
        assertThat(failure(Map.of(), "--port").reason()).isEqualTo(Reason.MISSING_VALUE);
        assertThat(failure(Map.of(), "--port", "--host", "x").reason()).isEqualTo(Reason.MISSING_VALUE);
    }

    @Test
    void wordThatIsNoFlagIsRefused() {
        assertThat(failure(Map.of(), "4567").reason()).isEqualTo(Reason.UNEXPECTED_ARGUMENT);
        assertThat(failure(Map.of(), "-p", "1").reason()).isEqualTo(Reason.UNEXPECTED_ARGUMENT);
    }

    @Test
    void unknownKeyInFileIsRefused() throws IOException {
        Path file = write("port = 1\nprot = 2\n");

        assertThat(failure(Map.of(), "--config", file.toString()).reason()).isEqualTo(Reason.UNKNOWN_SETTING);
    }

    @Test
    void missingFileIsRefused() {
        ConfigException e = failure(Map.of(), "--config", dir.resolve("absent.properties").toString());

        assertThat(e.reason()).isEqualTo(Reason.UNREADABLE_FILE);
    }

    @Test
    void tlsPortNeedsKeystore() {
        assertThat(failure(Map.of(), "--tls-port", "4443").reason()).isEqualTo(Reason.CONFLICT);
    }

    @Test
    void tlsPortMustDifferFromPort() {
        ConfigException e = failure(Map.of(), "--port", "4443", "--tls-port", "4443", "--tls-keystore", "k.p12");

        assertThat(e.reason()).isEqualTo(Reason.CONFLICT);
    }

    @Test
    void passwordNeverAppearsInErrors() {
        ConfigException e = failure(Map.of(), "--tls-keystore-password", "s3cret", "--port", "x");

        assertThat(e.getMessage()).doesNotContain("s3cret");
    }

    @Test
    void webrtcTokensCreationAndKeyframeInterval() throws ConfigException {
        WebRtcSettings webrtc = parse(Map.of("FRESHET_WEBRTC_TOKENS", " cam1=s3cret , *=other+/_.~-1"),
            "--webrtc-create-streams", "--webrtc-keyframe-interval", "5").webrtc();

        assertThat(webrtc.tokens()).containsOnly(Map.entry("cam1", "s3cret"), Map.entry("*", "other+/_.~-1"));
        assertThat(webrtc.createStreams()).isTrue();
        assertThat(webrtc.keyframeInterval()).hasSeconds(5);
        assertThat(webrtc.toString()).doesNotContain("s3cret");
        WebRtcSettings defaults = parse(Map.of()).webrtc();
        assertThat(defaults.tokens()).isEmpty();
        assertThat(defaults.createStreams()).isFalse();
        assertThat(defaults.keyframeInterval()).hasSeconds(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cam1", "cam1=", "=tok", "a=b c", "a=x,a=y", "a=b=="})
    void badTokensAreRefusedWithoutShowingThem(String tokens) {
        ConfigException e = failure(Map.of(), "--webrtc-tokens", tokens);

        assertThat(e.getMessage()).contains("webrtc-tokens").doesNotContain(tokens);
    }

    @Test
    void helpIsRecognizedAnywhere() {
        assertThat(ConfigParser.wantsHelp("--port", "1", "--help")).isTrue();
        assertThat(ConfigParser.wantsHelp("-h")).isTrue();
        assertThat(ConfigParser.wantsHelp("--port", "1")).isFalse();
    }

    @Test
    void usageListsEverySettingWithDefaultAndVariable() {
        String usage = ConfigParser.usage();

        for (Setting setting : Setting.values()) {
            assertThat(usage).contains("--" + setting.key())
                .contains("default: " + setting.defaultValue().orElse("unset") + "; environment: "
                    + setting.environmentVariable());
        }
        assertThat(usage).contains("--config FILE").contains("--help");
    }

    private Path write(String text) throws IOException {
        Path file = dir.resolve("freshet.properties");
        Files.writeString(file, text);
        return file;
    }
}
