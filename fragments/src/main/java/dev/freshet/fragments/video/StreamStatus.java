package dev.freshet.fragments.video;

/** The service's stream statuses. CREATING, UPDATING and DELETING last the settings' transition delay. */
public enum StreamStatus {
    CREATING,
    ACTIVE,
    UPDATING,
    DELETING
}
