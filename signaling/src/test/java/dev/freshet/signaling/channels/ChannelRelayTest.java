package dev.freshet.signaling.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.freshet.fragments.video.VideoErrorType;
import dev.freshet.fragments.video.VideoException;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

class ChannelRelayTest {

    private static final String CHANNEL = "arn:aws:kinesisvideo:us-east-1:000000000000:channel/door/1";
    private final ChannelRelay relay = new ChannelRelay();
    private final List<String> events = new ArrayList<>();

    @Test
    void viewersReachTheMasterAndTheMasterAnswersEachViewer() {
        RelayConnection master = relay.connectMaster(CHANNEL, new RecordingPeer("master", events));
        RelayConnection v1 = relay.connectViewer(CHANNEL, "v1", new RecordingPeer("v1", events));
        RelayConnection v2 = relay.connectViewer(CHANNEL, "v2", new RecordingPeer("v2", events));

        assertThat(v1.send("SDP_OFFER", "ignored", "b2ZmZXI=")).isEmpty();
        assertThat(v2.send("ICE_CANDIDATE", null, "Y2FuZA==")).isEmpty();
        assertThat(master.send("SDP_ANSWER", "v1", "YW5zd2Vy")).isEmpty();

        assertThat(events).containsExactly("master v1 SDP_OFFER b2ZmZXI=", "master v2 ICE_CANDIDATE Y2FuZA==",
            "v1 null SDP_ANSWER YW5zd2Vy");
        assertThat(relay.totals().relayed()).isEqualTo(3);
        assertThat(relay.totals().masters()).isEqualTo(1);
        assertThat(relay.totals().viewers()).isEqualTo(2);
    }

    @Test
    void refusesWhatCannotBeDeliveredAndCountsIt() {
        RelayConnection viewer = relay.connectViewer(CHANNEL, "v1", new RecordingPeer("v1", events));
        assertThat(viewer.send("SDP_OFFER", null, "eA==")).contains(RefusalReason.MASTER_NOT_CONNECTED);

        RelayConnection master = relay.connectMaster(CHANNEL, new RecordingPeer("master", events));
        assertThat(master.send("SDP_ANSWER", "v9", "eA==")).contains(RefusalReason.RECIPIENT_NOT_CONNECTED);
        assertThat(master.send("SDP_OFFER", null, "eA==")).contains(RefusalReason.NO_SERVER_SIDE_MEMBER);

        assertThat(events).isEmpty();
        assertThat(relay.totals().refused()).containsEntry(RefusalReason.MASTER_NOT_CONNECTED, 1L)
            .containsEntry(RefusalReason.RECIPIENT_NOT_CONNECTED, 1L)
            .containsEntry(RefusalReason.NO_SERVER_SIDE_MEMBER, 1L);
    }

    @Test
    void aNewMasterReplacesTheOldOneWhichGetsGoAway() {
        RelayConnection first = relay.connectMaster(CHANNEL, new RecordingPeer("first", events));
        relay.connectMaster(CHANNEL, new RecordingPeer("second", events));
        RelayConnection viewer = relay.connectViewer(CHANNEL, "v1", new RecordingPeer("v1", events));

        viewer.send("SDP_OFFER", null, "eA==");
        assertThat(first.send("SDP_ANSWER", "v1", "eA==")).contains(RefusalReason.NOT_CONNECTED);
        first.leave();

        assertThat(events).containsExactly("first GO_AWAY", "second v1 SDP_OFFER eA==");
        assertThat(relay.masterConnected(CHANNEL)).isTrue();
    }

    @Test
    void serverSideMembersHearTheMasterWithoutRecipientAndAnswerIt() {
        List<String> heard = new ArrayList<>();
        ServerSideMember storage = new ServerSideMember() {
            @Override
            public void fromMaster(String action, String payload) {
                heard.add(action + " " + payload);
            }

            @Override
            public void masterLeft() {
                heard.add("master left");
            }
        };
        assertThat(relay.joinServerSide(CHANNEL, storage)).isEmpty();

        RelayConnection master = relay.connectMaster(CHANNEL, new RecordingPeer("master", events));
        Optional<MemberLink> link = relay.joinServerSide(CHANNEL, storage);
        assertThat(link).isPresent();
        link.get().toMaster("SDP_OFFER", "b2ZmZXI=");
        assertThat(master.send("SDP_ANSWER", null, "YW5zd2Vy")).isEmpty();
        master.leave();
        link.get().toMaster("ICE_CANDIDATE", "eA==");

        assertThat(events).containsExactly("master null SDP_OFFER b2ZmZXI=");
        assertThat(heard).containsExactly("SDP_ANSWER YW5zd2Vy", "master left");
        assertThat(relay.masterConnected(CHANNEL)).isFalse();
        assertThat(relay.totals().refused()).containsEntry(RefusalReason.MASTER_NOT_CONNECTED, 1L);
    }

    /** A member that records what it hears, viewers' messages and departures included. */
    private static ServerSideMember recording(List<String> heard) {
        return new ServerSideMember() {
            @Override
            public void fromMaster(String action, String payload) {
                heard.add("master " + action + " " + payload);
            }

            @Override
            public void masterLeft() {
                heard.add("master left");
            }

            @Override
            public void fromViewer(String clientId, String action, String payload) {
                heard.add(clientId + " " + action + " " + payload);
            }

            @Override
            public void viewerLeft(String clientId) {
                heard.add(clientId + " left");
            }
        };
    }

    @Test
    void anAdoptedViewerTalksToTheMemberInsteadOfTheMasterUntilItLeaves() {
        List<String> heard = new ArrayList<>();
        RelayConnection master = relay.connectMaster(CHANNEL, new RecordingPeer("master", events));
        RelayConnection viewer = relay.connectViewer(CHANNEL, "v1", new RecordingPeer("v1", events));
        relay.connectViewer(CHANNEL, "v2", new RecordingPeer("v2", events));
        MemberLink link = relay.joinServerSide(CHANNEL, recording(heard)).orElseThrow();

        assertThat(link.adoptViewer("nobody")).isFalse();
        assertThat(link.adoptViewer("v1")).isTrue();
        assertThat(link.toViewer("v1", "SDP_OFFER", "b2ZmZXI=")).isTrue();
        assertThat(viewer.send("SDP_ANSWER", null, "YW5zd2Vy")).isEmpty();
        assertThat(viewer.send("ICE_CANDIDATE", "ignored", "Y2FuZA==")).isEmpty();
        assertThat(link.toViewer("v9", "SDP_OFFER", "eA==")).isFalse();
        viewer.leave();
        assertThat(master.send("SDP_ANSWER", "v2", "eA==")).as("other viewers are the master's still").isEmpty();

        assertThat(events).containsExactly("v1 null SDP_OFFER b2ZmZXI=", "v2 null SDP_ANSWER eA==");
        assertThat(heard).containsExactly("v1 SDP_ANSWER YW5zd2Vy", "v1 ICE_CANDIDATE Y2FuZA==", "v1 left");
        assertThat(relay.totals().refused()).containsEntry(RefusalReason.RECIPIENT_NOT_CONNECTED, 1L);
    }

    @Test
    void aReconnectedViewerOrALeavingMemberGivesTheViewerBackToTheMaster() {
        List<String> heard = new ArrayList<>();
        relay.connectMaster(CHANNEL, new RecordingPeer("master", events));
        relay.connectViewer(CHANNEL, "v1", new RecordingPeer("old", events));
        MemberLink link = relay.joinServerSide(CHANNEL, recording(heard)).orElseThrow();
        link.adoptViewer("v1");

        RelayConnection again = relay.connectViewer(CHANNEL, "v1", new RecordingPeer("new", events));
        again.send("SDP_OFFER", null, "b25l");
        link.adoptViewer("v1");
        again.send("SDP_ANSWER", null, "dHdv");
        link.leave();
        again.send("SDP_OFFER", null, "dGhyZWU=");
        assertThat(link.adoptViewer("v1")).as("a member that left adopts no one").isFalse();
        assertThat(link.toViewer("v1", "SDP_OFFER", "eA==")).isFalse();

        assertThat(events).containsExactly("old GO_AWAY", "master v1 SDP_OFFER b25l", "master v1 SDP_OFFER dGhyZWU=");
        assertThat(heard).containsExactly("v1 left", "v1 SDP_ANSWER dHdv");
    }

    @Test
    void whenTheMasterLeavesAdoptedViewersAreItsSuccessorsAgain() {
        List<String> heard = new ArrayList<>();
        RelayConnection master = relay.connectMaster(CHANNEL, new RecordingPeer("master", events));
        RelayConnection viewer = relay.connectViewer(CHANNEL, "v1", new RecordingPeer("v1", events));
        relay.joinServerSide(CHANNEL, recording(heard)).orElseThrow().adoptViewer("v1");
        master.leave();
        relay.connectMaster(CHANNEL, new RecordingPeer("next", events));
        viewer.send("SDP_OFFER", null, "eA==");

        assertThat(heard).containsExactly("master left");
        assertThat(events).containsExactly("next v1 SDP_OFFER eA==");
    }

    @Test
    void aChannelTakesTenViewersAndAViewerMayAlwaysReplaceItself() {
        for (int i = 0; i < ChannelRelay.MAX_VIEWERS; i++) {
            relay.connectViewer(CHANNEL, "v" + i, new RecordingPeer("v" + i, events));
        }
        assertThatThrownBy(() -> relay.connectViewer(CHANNEL, "v10", new RecordingPeer("v10", events)))
            .isInstanceOfSatisfying(VideoException.class,
                e -> assertThat(e.type()).isEqualTo(VideoErrorType.CLIENT_LIMIT_EXCEEDED));
        relay.connectViewer(CHANNEL, "v3", new RecordingPeer("v3 again", events));
        assertThat(events).containsExactly("v3 GO_AWAY");
        assertThat(relay.totals().viewers()).isEqualTo(ChannelRelay.MAX_VIEWERS);
    }

    @Test
    void shutdownSendsGoAwayToEveryone() {
        relay.connectMaster(CHANNEL, new RecordingPeer("master", events));
        relay.connectViewer(CHANNEL, "v1", new RecordingPeer("v1", events));
        relay.shutdown();
        assertThat(events).containsExactlyInAnyOrder("master GO_AWAY", "v1 GO_AWAY");
        assertThat(relay.totals().masters()).isZero();
    }
}
