/**
 * KVS-style signaling channels: the control plane ({@link dev.freshet.signaling.channels.SignalingChannels},
 * persisted in {@code kinesisvideo/channels.json}) and the relay between a channel's master,
 * its viewers and server-side members such as storage sessions
 * ({@link dev.freshet.signaling.channels.ChannelRelay}). No HTTP, WebSocket or JSON here: the web
 * layer parses client messages and hands the relay plain values.
 */
package dev.freshet.signaling.channels;
