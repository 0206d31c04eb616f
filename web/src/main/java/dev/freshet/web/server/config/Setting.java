package dev.freshet.web.server.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Every setting Freshet reads, with its key, default and one-line description. The key names the
 * setting in all three sources: {@code --key} on the command line, {@code key = value} in a config
 * file, {@code FRESHET_KEY} (upper snake case) in the environment.
 *
 * <p>Typed values and range checks live in {@link ConfigParser}; this table is also the source of
 * the usage text, so a new setting needs one line here and one typed read there.
 *
 * <p>Immutable, thread-safe.
 */
public enum Setting {
    PORT("port", "4567", "N", "TCP port of the HTTP listener (HTTP/1.1, h2c); 0 picks a free port"),
    HOST("host", "127.0.0.1", "ADDR", "address to listen on; 0.0.0.0 for every interface"),
    DATA_DIR("data-dir", "./freshet-data", "DIR", "directory holding streams, shards and metadata"),
    REGION("region", "us-east-1", "NAME", "AWS region reported in ARNs and responses"),
    ACCOUNT_ID("account-id", "000000000000", "DIGITS", "12-digit AWS account id used in ARNs"),
    DURABILITY("durability", "os", "os|fsync",
        "acknowledge writes once in the OS (survives kill -9) or once fsynced (survives power loss)"),
    ENFORCE_LIMITS("enforce-limits", "false", null,
        "apply AWS shard throughput and API rate limits (flag: no value means true)"),
    STREAM_TRANSITION_MILLIS("stream-transition-millis", "500", "MS",
        "how long a stream stays CREATING, UPDATING or DELETING"),
    SHARD_ITERATOR_TTL_MILLIS("shard-iterator-ttl-millis", "300000", "MS", "lifetime of a shard iterator"),
    SUBSCRIPTION_MILLIS("subscription-millis", "300000", "MS", "lifetime of a SubscribeToShard subscription"),
    PLAYBACK_SESSION_MIN_EXPIRES_SECONDS("playback-session-min-expires-seconds", "300", "SECONDS",
        "shortest Expires an HLS or DASH streaming session may ask for (the service's minimum is 300)"),
    ON_DEMAND_SPLIT_BYTES_PER_SECOND("on-demand-split-bytes-per-second", "524288", "BYTES",
        "an ON_DEMAND stream's shard writing faster than this (over the window) is split in two"),
    ON_DEMAND_WINDOW_MILLIS("on-demand-window-millis", "30000", "MS",
        "how long write rates of ON_DEMAND shards are measured before deciding on a split"),
    SEGMENT_BYTES("segment-bytes", "67108864", "BYTES", "a log segment rolls at this size (1024 to 2147483647)"),
    SEGMENT_AGE_MILLIS("segment-age-millis", "3600000", "MS", "a log segment rolls at this age"),
    RETENTION_CHECK_MILLIS("retention-check-millis", "60000", "MS",
        "how often expired segments are looked for"),
    TLS_PORT("tls-port", null, "N", "port of the HTTPS listener (h2 over ALPN, HTTP/1.1); unset means no TLS"),
    TLS_KEYSTORE("tls-keystore", null, "FILE", "PKCS12 keystore holding the TLS key and certificate chain"),
    TLS_KEYSTORE_PASSWORD("tls-keystore-password", null, "SECRET", "password of the keystore and its key"),
    LOG_FORMAT("log-format", "text", "text|json", "log lines as plain text or as one JSON object each"),
    LOG_LEVEL("log-level", "info", "error|warn|info|debug|trace",
        "level of Freshet's own loggers; debug adds one line per request (Undertow and XNIO stay at warn)"),
    MAX_REQUEST_BYTES("max-request-bytes", "33554432", "BYTES", "larger request bodies are refused with 413"),
    SHUTDOWN_GRACE_MILLIS("shutdown-grace-millis", "10000", "MS",
        "on SIGTERM, how long in-flight requests may take to finish"),
    WEBRTC_PORT("webrtc-port", "4568", "N", "UDP port every WebRTC peer (WHIP publishers) reaches; 0 picks a free port"),
    WEBRTC_HOST("webrtc-host", "127.0.0.1", "ADDR", "address the WebRTC UDP port binds; 0.0.0.0 for every interface"),
    WEBRTC_ADVERTISED_ADDRESSES("webrtc-advertised-addresses", null, "IP,IP",
        "IP addresses put in ICE candidates instead of the bound one (a 1:1 NAT's public address)"),
    WEBRTC_MAX_SESSIONS("webrtc-max-sessions", "200", "N", "WebRTC sessions the server holds at once; more get 503"),
    WEBRTC_ICE_SERVERS("webrtc-ice-servers", null, "URI,URI",
        "STUN/TURN URIs (stun:, stuns:, turn:, turns:) KVS GetIceServerConfig hands to signaling clients; unset: none"),
    WEBRTC_ICE_USERNAME("webrtc-ice-username", null, "NAME", "user name GetIceServerConfig returns with webrtc-ice-servers"),
    WEBRTC_ICE_PASSWORD("webrtc-ice-password", null, "SECRET",
        "password GetIceServerConfig returns with webrtc-ice-servers"),
    WEBRTC_TOKENS("webrtc-tokens", null, "STREAM=TOKEN,...",
        "Bearer tokens WHIP and WHEP require, per stream; '*=TOKEN' for every stream without its own"),
    WEBRTC_CREATE_STREAMS("webrtc-create-streams", "false", null,
        "a WHIP publish to an unknown stream creates it (flag: no value means true)"),
    WEBRTC_KEYFRAME_INTERVAL("webrtc-keyframe-interval", "2", "SECONDS",
        "a WHIP publisher is asked for a keyframe (PLI) after this long without one"),
    S3_ENDPOINT("s3-endpoint", null, "URL",
        "S3-compatible store delivery streams write to (MinIO, Ceph RGW, s3proxy, S3); unset: <data-dir>/s3"),
    S3_REGION("s3-region", "us-east-1", "NAME", "region S3 requests are signed for"),
    S3_ACCESS_KEY_ID("s3-access-key-id", null, "KEY", "access key of the S3 store (required with s3-endpoint)"),
    S3_SECRET_ACCESS_KEY("s3-secret-access-key", null, "SECRET",
        "secret key of the S3 store (required with s3-endpoint)"),
    S3_PATH_STYLE("s3-path-style", "true", "true|false",
        "http://host/bucket/key addressing; false: http://bucket.host/key"),
    S3_MULTIPART_THRESHOLD_BYTES("s3-multipart-threshold-bytes", "16777216", "BYTES",
        "objects this big or bigger go up as a multipart upload (at least 5242880)"),
    S3_PART_BYTES("s3-part-bytes", "16777216", "BYTES", "part size of a multipart upload (at least 5242880)"),
    DELIVERY_LAMBDA_URLS("delivery-lambda-urls", null, "ARN=URL,...",
        "URLs the Lambda processor calls for function ARNs (Freshet runs no Lambda)"),
    DELIVERY_SEARCH_ENDPOINTS("delivery-search-endpoints", null, "ARN=URL,...",
        "cluster URLs of the OpenSearch/Elasticsearch domain ARNs that delivery streams name (DomainARN)"),
    DELIVERY_ACTIVE_PARTITIONS_LIMIT("delivery-active-partitions-limit", "500", "N",
        "partitions a dynamically partitioned delivery stream's buffer may open (1 to 5000); "
            + "records of more go to the error output as activePartitionExceeded"),
    DELIVERY_PUT_REQUESTS_PER_SECOND("delivery-put-requests-per-second", "2000", "N",
        "with enforce-limits: PutRecord and PutRecordBatch calls per second per delivery stream"),
    DELIVERY_PUT_RECORDS_PER_SECOND("delivery-put-records-per-second", "500000", "N",
        "with enforce-limits: records per second per delivery stream (Direct PUT)"),
    DELIVERY_PUT_BYTES_PER_SECOND("delivery-put-bytes-per-second", "5242880", "BYTES",
        "with enforce-limits: payload bytes per second per delivery stream (Direct PUT; at least 1024000)"),
    DELIVERY_HTTP_TIMEOUT_MILLIS("delivery-http-timeout-millis", "180000", "MS",
        "how long an HTTP endpoint destination may take to answer a request (the service's 3 minutes)"),
    DELIVERY_LAMBDA_TIMEOUT_MILLIS("delivery-lambda-timeout-millis", "300000", "MS",
        "how long a Lambda processor's function may take to answer an invocation (Lambda's 5 minutes)");

    private final String key;
    private final String defaultValue;
    private final String valueName;
    private final String description;

    Setting(String key, String defaultValue, String valueName, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.valueName = valueName;
        this.description = description;
    }

    /** The name in config files; {@code --key} on the command line. */
    public String key() {
        return key;
    }

    /** The environment variable that sets it, e.g. {@code FRESHET_DATA_DIR}. */
    public String environmentVariable() {
        return "FRESHET_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** The embedded default; empty when the setting is unset by default. */
    public Optional<String> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    /** Placeholder for the value in the usage text; empty for a boolean flag. */
    public Optional<String> valueName() {
        return Optional.ofNullable(valueName);
    }

    /** Whether {@code --key} alone (no value) means {@code true}. */
    public boolean isFlag() {
        return valueName == null;
    }

    public String description() {
        return description;
    }

    /** The setting with that key, if any. */
    public static Optional<Setting> byKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }
}
