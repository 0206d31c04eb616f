package dev.freshet.datastreams.log;

/**
 * Where an acknowledged batch landed. The records of one {@link ShardLog#append} call are stored
 * contiguously, in the order given, all with the same arrival timestamp.
 *
 * @param firstSequence sequence of the batch's first record
 * @param count         number of records in the batch
 * @param timestamp     the arrival timestamp given to every record of the batch, epoch millis
 */
public record AppendResult(long firstSequence, int count, long timestamp) {
    public long sequenceOf(int index) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException(index);
        }
        return firstSequence + index;
    }
}
