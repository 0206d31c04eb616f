package dev.freshet.web.server.config;

import static dev.freshet.web.server.config.Setting.*;

import dev.freshet.datastreams.log.Durability;
import dev.freshet.web.server.config.ConfigException.Reason;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.slf4j.event.Level;

/**
 * Builds a {@link FreshetConfig} from four layers, each overriding the one before: the embedded
 * defaults, a config file ({@code --config FILE}, else {@code FRESHET_CONFIG}), environment
 * variables ({@code FRESHET_PORT}, …) and command-line flags. Environment variables that are no
 * setting are ignored (the environment is shared with other programs); unknown flags and file
 * keys are errors.
 *
 * <p>Thread-safe: holds only the environment it was given.
 */
public final class ConfigParser {

    /** The environment variable naming a config file when {@code --config} is not given. */
    public static final String CONFIG_ENV = "FRESHET_CONFIG";

    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9._:%\\[\\]-]+");
    /** RFC 6750 section 2.1 b64token, less the trailing '=' padding (it would read as a pair separator). */
    private static final Pattern BEARER_TOKEN = Pattern.compile("[A-Za-z0-9._~+/-]+");
    private static final Pattern REGION_NAME = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]{1,2}");
    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");
    /** Literals only: an advertised address is never looked up. */
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*");

    /** RFC 7064/7065 ICE server URIs, e.g. {@code turn:turn.example.com:3478?transport=udp}. */
    private static final Pattern ICE_URI = Pattern.compile("(stun|stuns|turn|turns):[A-Za-z0-9.\\[\\]:-]+(\\?transport=(udp|tcp))?");

    private final Map<String, String> environment;

    /** @param environment the process environment ({@code System.getenv()}), or a map in tests */
    public ConfigParser(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** Whether the arguments ask for the usage text rather than a server. */
    public static boolean wantsHelp(String... args) {
        return CommandLine.wantsHelp(args);
    }

    /** The usage text listing every flag, its environment variable and its default. */
    public static String usage() {
        return Usage.text();
    }

    public FreshetConfig parse(String... args) throws ConfigException {
        Map<String, RawValue> flags = CommandLine.parse(args);
        Map<Setting, RawValue> merged = defaults();
        Optional<Path> file = configFile(flags);
        if (file.isPresent()) {
            merged.putAll(ConfigFile.read(file.get()));
        }
        merged.putAll(fromEnvironment());
        merged.putAll(fromFlags(flags));
        return build(new SettingValues(merged));
    }

    private static Map<Setting, RawValue> defaults() {
        Map<Setting, RawValue> values = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            setting.defaultValue().ifPresent(text -> values.put(setting, new RawValue(text, "default")));
        }
        return values;
    }

    private Optional<Path> configFile(Map<String, RawValue> flags) throws ConfigException {
        RawValue flag = flags.get(CommandLine.CONFIG);
        String text = flag != null ? flag.text() : environment.get(CONFIG_ENV);
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(text));
        } catch (java.nio.file.InvalidPathException e) {
            throw new ConfigException(Reason.UNREADABLE_FILE, "Invalid config file path '" + text + "'");
        }
    }

    private Map<Setting, RawValue> fromEnvironment() {
        Map<Setting, RawValue> values = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            String name = setting.environmentVariable();
            String text = environment.get(name);
            if (text != null) {
                values.put(setting, new RawValue(text, "environment variable " + name));
            }
        }
        return values;
    }

    private static Map<Setting, RawValue> fromFlags(Map<String, RawValue> flags) {
        Map<Setting, RawValue> values = new EnumMap<>(Setting.class);
        flags.forEach((key, raw) -> Setting.byKey(key).ifPresent(setting -> values.put(setting, raw)));
        return values;
    }

    private static FreshetConfig build(SettingValues v) throws ConfigException {
        FreshetConfig config = new FreshetConfig(
            (int) v.number(PORT, 0, 65535),
            v.matching(HOST, HOST_NAME, "a host name or IP address"),
            v.path(DATA_DIR),
            v.matching(REGION, REGION_NAME, "a region name such as us-east-1"),
            v.matching(ACCOUNT_ID, ACCOUNT, "exactly 12 digits"),
            v.choice(DURABILITY, Durability.class),
            v.bool(ENFORCE_LIMITS),
            v.millis(STREAM_TRANSITION_MILLIS, 0),
            v.millis(SHARD_ITERATOR_TTL_MILLIS, 1),
            v.millis(SUBSCRIPTION_MILLIS, 1),
            Duration.ofSeconds(v.number(PLAYBACK_SESSION_MIN_EXPIRES_SECONDS, 1, 43_200)),
            v.number(ON_DEMAND_SPLIT_BYTES_PER_SECOND, 1, Long.MAX_VALUE),
            v.millis(ON_DEMAND_WINDOW_MILLIS, 100),
            v.number(SEGMENT_BYTES, 1024, Integer.MAX_VALUE),
            v.millis(SEGMENT_AGE_MILLIS, 1),
            v.millis(RETENTION_CHECK_MILLIS, 1),
            tlsPort(v),
            v.optionalPath(TLS_KEYSTORE),
            v.optionalText(TLS_KEYSTORE_PASSWORD),
            v.choice(LOG_FORMAT, LogFormat.class),
            v.choice(LOG_LEVEL, Level.class),
            v.number(MAX_REQUEST_BYTES, 1, Long.MAX_VALUE),
            v.millis(SHUTDOWN_GRACE_MILLIS, 0),
            webrtc(v),
            DeliverySettingsReader.read(v));
        checkTls(config, v);
        return config;
    }

    private static WebRtcSettings webrtc(SettingValues v) throws ConfigException {
        List<String> advertised = commaSeparated(v, WEBRTC_ADVERTISED_ADDRESSES, IP_LITERAL,
            "comma-separated IPv4 or IPv6 addresses");
        return new WebRtcSettings((int) v.number(WEBRTC_PORT, 0, 65535),
            v.matching(WEBRTC_HOST, HOST_NAME, "a host name or IP address"), advertised,
            (int) v.number(WEBRTC_MAX_SESSIONS, 1, 100_000), iceServers(v), webrtcTokens(v), v.bool(WEBRTC_CREATE_STREAMS),
            Duration.ofSeconds(v.number(WEBRTC_KEYFRAME_INTERVAL, 1, 3600)));
    }

    private static WebRtcSettings.IceServers iceServers(SettingValues v) throws ConfigException {
        List<String> uris = commaSeparated(v, WEBRTC_ICE_SERVERS, ICE_URI,
            "comma-separated stun:, stuns:, turn: or turns: URIs");
        return new WebRtcSettings.IceServers(uris, v.optionalText(WEBRTC_ICE_USERNAME).orElse(""),
            v.optionalText(WEBRTC_ICE_PASSWORD).orElse(""));
    }

    /** The non-empty items of a comma-separated setting (empty when unset), each matching {@code item}. */
    private static List<String> commaSeparated(SettingValues v, Setting setting, Pattern item, String expected)
        throws ConfigException {
        List<String> items = new ArrayList<>();
        for (String part : v.optionalText(setting).orElse("").split(",")) {
            String value = part.trim();
            if (value.isEmpty()) {
                continue;
            }
            if (!item.matcher(value).matches()) {
                throw v.invalid(setting, expected);
            }
            items.add(value);
        }
        return items;
    }

    /** {@code stream=token} pairs, comma-separated; {@code *} names every stream without a token of its own. */
    private static Map<String, String> webrtcTokens(SettingValues v) throws ConfigException {
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String part : v.optionalText(WEBRTC_TOKENS).orElse("").split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] pair = part.split("=", 2);
            if (pair.length != 2 || pair[0].isBlank() || !BEARER_TOKEN.matcher(pair[1].trim()).matches()
                || tokens.put(pair[0].trim(), pair[1].trim()) != null) {
                throw v.invalid(WEBRTC_TOKENS, "comma-separated STREAM=TOKEN pairs (each stream once; "
                    + "'*' for all others; tokens of letters, digits and -._~+/)");
            }
        }
        return tokens;
    }

    private static OptionalInt tlsPort(SettingValues v) throws ConfigException {
        if (v.optionalText(TLS_PORT).isEmpty()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) v.number(TLS_PORT, 0, 65535));
    }

    private static void checkTls(FreshetConfig config, SettingValues v) throws ConfigException {
        if (config.tlsPort().isEmpty()) {
            return;
        }
        if (config.tlsKeystore().isEmpty()) {
            throw new ConfigException(Reason.CONFLICT, "tls-port is set (from " + v.origin(TLS_PORT)
                + ") but tls-keystore is not: HTTPS needs a PKCS12 keystore");
        }
        int tls = config.tlsPort().getAsInt();
        if (tls != 0 && tls == config.port()) {
            throw new ConfigException(Reason.CONFLICT, "tls-port and port are both " + tls
                + ": HTTP and HTTPS need different ports");
        }
    }
}
