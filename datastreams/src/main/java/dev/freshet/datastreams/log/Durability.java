package dev.freshet.datastreams.log;

/**
 * When an append is acknowledged.
 *
 * <ul>
 *   <li>{@link #OS}: after the bytes were handed to the operating system ({@code write(2)} returned).
 *   The record survives {@code kill -9} of the server, not a power loss or kernel crash. Default.</li>
 *   <li>{@link #FSYNC}: after the segment file was forced to the device ({@code fdatasync}). Appends
 *   that arrive while one force runs are committed together by the next (group commit), so
 *   throughput stays high while each acknowledged record survives power loss.</li>
 * </ul>
 */
public enum Durability {
    OS,
    FSYNC
}
