package dev.freshet.signaling.channels;

/**
 * The {@link MemberLink} of one {@link ServerSideMember}.
 *
 * <p>Thread-safe.
 */
final class ServerSideLink implements MemberLink {

    private final ChannelRelay relay;
    private final String channelArn;
    private final ServerSideMember member;

    ServerSideLink(ChannelRelay relay, String channelArn, ServerSideMember member) {
        this.relay = relay;
        this.channelArn = channelArn;
        this.member = member;
    }

    @Override
    public void toMaster(String action, String messagePayloadBase64) {
        relay.sendFromServerSide(this, action, messagePayloadBase64);
    }

    @Override
    public boolean toViewer(String clientId, String action, String messagePayloadBase64) {
        return relay.sendToViewer(this, clientId, action, messagePayloadBase64);
    }

    @Override
    public boolean adoptViewer(String clientId) {
        return relay.adoptViewer(this, clientId);
    }

    @Override
    public void leave() {
        relay.leave(this);
    }

    String channelArn() {
        return channelArn;
    }

    ServerSideMember member() {
        return member;
    }
}
