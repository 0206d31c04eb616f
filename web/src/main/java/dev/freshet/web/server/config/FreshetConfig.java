package dev.freshet.web.server.config;

import dev.freshet.datastreams.log.Durability;
import org.slf4j.event.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The server's settings, typed and validated. Built by {@link ConfigParser} from defaults, a config
 * file, the environment and the command line; {@link Setting} documents each one and its default.
 *
 * <p>Immutable, thread-safe. {@link #toString()} hides the keystore password.
 *
 * @param port                   HTTP listener port ({@code port}); 0 means any free port
 * @param host                   listen address ({@code host})
 * @param dataDir                data directory as given, maybe relative ({@code data-dir})
 * @param region                 AWS region name ({@code region})
 * @param accountId              12-digit account id ({@code account-id})
 * @param durability             when appends are acknowledged ({@code durability})
 * @param enforceLimits          whether AWS throughput limits apply ({@code enforce-limits})
 * @param streamTransition       time spent CREATING/UPDATING/DELETING ({@code stream-transition-millis})
 * @param shardIteratorTtl       shard iterator lifetime ({@code shard-iterator-ttl-millis})
 * @param subscriptionLifetime   SubscribeToShard lifetime ({@code subscription-millis})
 * @param playbackSessionMinExpires shortest streaming-session Expires ({@code playback-session-min-expires-seconds})
 * @param onDemandSplitBytesPerSecond write rate above which an ON_DEMAND shard is split
 *                               ({@code on-demand-split-bytes-per-second})
 * @param onDemandWindow         window of that measurement ({@code on-demand-window-millis})
 * @param segmentBytes           segment roll size ({@code segment-bytes})
 * @param segmentAge             segment roll age ({@code segment-age-millis})
 * @param retentionCheckInterval retention sweep period ({@code retention-check-millis})
 * @param tlsPort                HTTPS listener port, absent for no TLS ({@code tls-port})
 * @param tlsKeystore            PKCS12 keystore path ({@code tls-keystore})
 * @param tlsKeystorePassword    keystore password ({@code tls-keystore-password})
 * @param logFormat              text or JSON log lines ({@code log-format})
 * @param logLevel               level of the {@code dev.freshet} loggers ({@code log-level})
 * @param maxRequestBytes        largest accepted request body ({@code max-request-bytes})
 * @param shutdownGrace          drain time for in-flight requests on shutdown ({@code shutdown-grace-millis})
 * @param webrtc                 the WebRTC UDP port and sessions ({@code webrtc-*})
 * @param delivery               the delivery streams' object store, Lambda and search endpoints
 *                               ({@code s3-*}, {@code delivery-*})
 */
public record FreshetConfig(
    int port,
    String host,
    Path dataDir,
    String region,
    String accountId,
    Durability durability,
    boolean enforceLimits,
    Duration streamTransition,
    Duration shardIteratorTtl,
    Duration subscriptionLifetime,
    Duration playbackSessionMinExpires,
    long onDemandSplitBytesPerSecond,
    Duration onDemandWindow,
    long segmentBytes,
    Duration segmentAge,
    Duration retentionCheckInterval,
    OptionalInt tlsPort,
    Optional<Path> tlsKeystore,
    Optional<String> tlsKeystorePassword,
    LogFormat logFormat,
    Level logLevel,
    long maxRequestBytes,
    Duration shutdownGrace,
    WebRtcSettings webrtc,
    DeliverySettings delivery) {

    public FreshetConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(durability, "durability");
        Objects.requireNonNull(streamTransition, "streamTransition");
        Objects.requireNonNull(shardIteratorTtl, "shardIteratorTtl");
        Objects.requireNonNull(subscriptionLifetime, "subscriptionLifetime");
        Objects.requireNonNull(playbackSessionMinExpires, "playbackSessionMinExpires");
        Objects.requireNonNull(onDemandWindow, "onDemandWindow");
        Objects.requireNonNull(segmentAge, "segmentAge");
        Objects.requireNonNull(retentionCheckInterval, "retentionCheckInterval");
        Objects.requireNonNull(tlsPort, "tlsPort");
        Objects.requireNonNull(tlsKeystore, "tlsKeystore");
        Objects.requireNonNull(tlsKeystorePassword, "tlsKeystorePassword");
        Objects.requireNonNull(logFormat, "logFormat");
        Objects.requireNonNull(logLevel, "logLevel");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        Objects.requireNonNull(webrtc, "webrtc");
        Objects.requireNonNull(delivery, "delivery");
    }

    /** Every setting at its embedded default, ignoring the environment. */
    public static FreshetConfig defaults() {
        try {
            return new ConfigParser(java.util.Map.of()).parse();
        } catch (ConfigException e) {
            throw new IllegalStateException("embedded defaults are invalid", e);
        }
    }

    /** The data directory as an absolute, normalized path. */
    public Path absoluteDataDir() {
        return dataDir.toAbsolutePath().normalize();
    }

    @Override
    public String toString() {
        return "FreshetConfig[port=" + port + ", host=" + host + ", dataDir=" + dataDir + ", region=" + region
            + ", accountId=" + accountId + ", durability=" + durability + ", enforceLimits=" + enforceLimits
            + ", streamTransition=" + streamTransition + ", shardIteratorTtl=" + shardIteratorTtl
            + ", playbackSessionMinExpires=" + playbackSessionMinExpires
            + ", subscriptionLifetime=" + subscriptionLifetime + ", onDemandSplitBytesPerSecond="
            + onDemandSplitBytesPerSecond + ", onDemandWindow=" + onDemandWindow + ", segmentBytes=" + segmentBytes
            + ", segmentAge=" + segmentAge + ", retentionCheckInterval=" + retentionCheckInterval
            + ", tlsPort=" + tlsPort + ", tlsKeystore=" + tlsKeystore
            + ", tlsKeystorePassword=" + tlsKeystorePassword.map(p -> "***") + ", logFormat=" + logFormat
            + ", logLevel=" + logLevel
            + ", maxRequestBytes=" + maxRequestBytes + ", shutdownGrace=" + shutdownGrace + ", webrtc=" + webrtc
            + ", delivery=" + delivery + "]";
    }
}
