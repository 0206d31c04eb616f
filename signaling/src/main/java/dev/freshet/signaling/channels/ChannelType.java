package dev.freshet.signaling.channels;

/** The kinds of signaling channel the service knows; Freshet creates SINGLE_MASTER ones only. */
public enum ChannelType {
    SINGLE_MASTER,
    FULL_MESH
}
