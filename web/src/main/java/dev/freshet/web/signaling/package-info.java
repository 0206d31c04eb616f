/**
 * The wire format of the KVS signaling WebSocket: client messages parsed case-insensitively
 * ({@link dev.freshet.web.signaling.SignalingMessageParser}) and the server's messages
 * ({@link dev.freshet.web.signaling.ServerMessages}). The WebSocket endpoint that uses them is
 * {@code web.video.SignalingSocket}; the relay is {@code signaling.channels.ChannelRelay}.
 */
package dev.freshet.web.signaling;
