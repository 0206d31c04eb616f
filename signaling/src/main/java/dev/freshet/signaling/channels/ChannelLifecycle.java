package dev.freshet.signaling.channels;

import dev.freshet.fragments.video.VideoErrorType;
import dev.freshet.fragments.video.NamePages;
import dev.freshet.fragments.video.VideoIds;
import dev.freshet.fragments.video.VideoRules;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * CreateSignalingChannel, DescribeSignalingChannel, ListSignalingChannels, UpdateSignalingChannel
 * and DeleteSignalingChannel.
 *
 * <p>Rules, as the service has them: names 1..256 of {@code [a-zA-Z0-9_.-]}, unique
 * (ResourceInUseException); MessageTtlSeconds 5..120, default 60; at most
 * {@value #MAX_CHANNELS} channels (AccountChannelLimitExceededException); every update gives a new
 * random {@code Version} and a stale {@code CurrentVersion} is VersionMismatchException. Only
 * SINGLE_MASTER channels are made: FULL_MESH is InvalidArgumentException. Changes take effect at
 * once, so channels are always ACTIVE. Deleting a channel tells the relay, which sends GO_AWAY to
 * its clients.
 *
 * <p>Thread-safe.
 */
public final class ChannelLifecycle {

    public static final int DEFAULT_MESSAGE_TTL_SECONDS = 60;
    public static final int MAX_CHANNELS = 10_000;
    /** ListSignalingChannels' default and largest page. */
    public static final int MAX_LIST_RESULTS = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(ChannelLifecycle.class);
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_.-]{1,256}");

    private final ChannelCatalog catalog;
    private final Consumer<String> onDeleted;

    ChannelLifecycle(ChannelCatalog catalog, Consumer<String> onDeleted) {
        this.catalog = catalog;
        this.onDeleted = onDeleted;
    }

    /**
     * What CreateSignalingChannel asks for; null members were not given.
     *
     * @param type              null: SINGLE_MASTER
     * @param messageTtlSeconds null: 60
     */
    public record CreateRequest(String channelName, ChannelType type, Integer messageTtlSeconds,
                                Map<String, String> tags) {

        public static CreateRequest named(String channelName) {
            return new CreateRequest(channelName, null, null, null);
        }
    }

    /** Creates the channel (ACTIVE at once); returns its ARN. */
    public String create(CreateRequest request) {
        check(request);
        String arn = catalog.mutate(state -> {
            if (state.channels.containsKey(request.channelName())) {
                throw VideoErrorType.RESOURCE_IN_USE.exception("The signaling channel %s already exists.",
                    request.channelName());
            }
            if (state.channels.size() >= MAX_CHANNELS) {
                throw VideoErrorType.ACCOUNT_CHANNEL_LIMIT_EXCEEDED.exception(
                    "The account already has %d signaling channels, the most allowed.", MAX_CHANNELS);
            }
            ChannelState channel = newChannel(request);
            state.channels.put(channel.name, channel);
            return catalog.arn(channel);
        });
        LOG.atInfo().setMessage("signaling channel created").addKeyValue("channel", arn).log();
        return arn;
    }

    public ChannelInfo describe(ChannelRef ref) {
        return catalog.read(state -> info(catalog.require(state, ref)));
    }

    /**
     * One page of channels by name.
     *
     * @param maxResults     1..{@value #MAX_LIST_RESULTS}; null for the largest page
     * @param nextToken      a previous page's token, or null for the first page
     * @param nameBeginsWith only channels whose name starts with it (BEGINS_WITH), or null for all
     */
    public ChannelPage list(Integer maxResults, String nextToken, String nameBeginsWith) {
        return catalog.read(state -> {
            NamePages.Page<ChannelInfo> page = NamePages.page(state.channels, maxResults, MAX_LIST_RESULTS, nextToken,
                nameBeginsWith, this::info);
            return new ChannelPage(page.items(), page.nextToken());
        });
    }

    /** Sets the message TTL if given (null leaves it) and gives the channel a new version. */
    public void update(String channelArn, String currentVersion, Integer messageTtlSeconds) {
        if (messageTtlSeconds != null) {
            checkTtl(messageTtlSeconds);
        }
        catalog.mutate(state -> {
            ChannelState channel = changeable(state, channelArn, currentVersion);
            channel.messageTtlSeconds = messageTtlSeconds != null ? messageTtlSeconds : channel.messageTtlSeconds;
            channel.version = VideoIds.version();
            return null;
        });
    }

    /** Deletes the channel at once; its connected clients get GO_AWAY. */
    public void delete(String channelArn, String currentVersion) {
        catalog.mutate(state -> state.channels.remove(changeable(state, channelArn, currentVersion).name));
        LOG.atInfo().setMessage("signaling channel deleted").addKeyValue("channel", channelArn).log();
        onDeleted.accept(channelArn);
    }

    private ChannelState changeable(ChannelCatalogState state, String channelArn, String currentVersion) {
        ChannelState channel = catalog.require(state, ChannelRef.byArn(channelArn));
        if (currentVersion != null && !currentVersion.equals(channel.version)) {
            throw VideoErrorType.VERSION_MISMATCH.exception(
                "The version %s does not match the channel's current version.", currentVersion);
        }
        return channel;
    }

    private static void check(CreateRequest request) {
        if (request.channelName() == null || !NAME.matcher(request.channelName()).matches()) {
            throw VideoErrorType.INVALID_ARGUMENT.exception(
                "ChannelName '%s' is invalid: 1 to 256 characters matching [a-zA-Z0-9_.-]+.", request.channelName());
        }
        if (request.type() == ChannelType.FULL_MESH) {
            throw VideoErrorType.INVALID_ARGUMENT.exception(
                "ChannelType FULL_MESH is not supported: Freshet relays SINGLE_MASTER channels only.");
        }
        if (request.messageTtlSeconds() != null) {
            checkTtl(request.messageTtlSeconds());
        }
        if (request.tags() != null) {
            VideoRules.checkTags(Map.of(), request.tags());
        }
    }

    private static void checkTtl(int seconds) {
        if (seconds < 5 || seconds > 120) {
            throw VideoErrorType.INVALID_ARGUMENT.exception("MessageTtlSeconds must be between 5 and 120; it is %d.",
                seconds);
        }
    }

    private ChannelState newChannel(CreateRequest request) {
        ChannelState channel = new ChannelState();
        channel.name = request.channelName();
        channel.createdMillis = catalog.now();
        channel.messageTtlSeconds = request.messageTtlSeconds() == null
            ? DEFAULT_MESSAGE_TTL_SECONDS : request.messageTtlSeconds();
        channel.version = VideoIds.version();
        if (request.tags() != null) {
            channel.tags.putAll(request.tags());
        }
        return channel;
    }

    private ChannelInfo info(ChannelState channel) {
        return new ChannelInfo(channel.name, catalog.arn(channel), channel.type, ChannelStatus.ACTIVE,
            Instant.ofEpochMilli(channel.createdMillis), channel.messageTtlSeconds, channel.version);
    }
}
