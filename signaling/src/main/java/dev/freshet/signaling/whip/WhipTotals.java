package dev.freshet.signaling.whip;

/**
 * Counts over every WHIP session since the server started, ended ones included: for metrics.
 *
 * @param active          sessions now open
 * @param started         sessions ever answered
 * @param rtpPackets      SRTP packets that decrypted and authenticated
 * @param authFailures    SRTP/SRTCP packets whose authentication tag did not verify
 * @param framesStored    frames handed to fragment ingest
 * @param replayed        SRTP/SRTCP packets already received, or too old for the replay window
 * @param malformed       SRTP/SRTCP packets too short or broken to process
 * @param unknown         datagrams on a selected pair of no protocol carried there (garbage)
 */
public record WhipTotals(int active, long started, long rtpPackets, long authFailures, long framesStored,
                         long replayed, long malformed, long unknown) {
}
