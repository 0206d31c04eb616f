package dev.freshet.delivery.process;

import dev.freshet.delivery.DeliveryRecord;
import dev.freshet.delivery.DeliveryStreamRef;
import dev.freshet.delivery.destination.FailedRecord;
import dev.freshet.delivery.process.lambda.LambdaProcessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A delivery stream's processors applied one after the other: each step gets what the previous
 * one let through; failures and drops of all steps add up. With no steps it is the identity.
 *
 * <p>Immutable; thread-safe when its steps are (all built-in ones are).
 */
public final class ProcessorChain implements RecordProcessor {

    private final List<RecordProcessor> steps;

    public ProcessorChain(List<RecordProcessor> steps) {
        this.steps = List.copyOf(steps);
    }

    public List<RecordProcessor> steps() {
        return steps;
    }

    /** The Lambda step, whose buffering hints (BufferSizeInMBs, BufferIntervalInSeconds) the engine may honour. */
    public Optional<LambdaProcessor> lambda() {
        return steps.stream().filter(LambdaProcessor.class::isInstance).map(LambdaProcessor.class::cast).findFirst();
    }

    @Override
    public ProcessingResult process(DeliveryStreamRef stream, List<DeliveryRecord> records)
            throws InterruptedException {
        List<DeliveryRecord> current = records;
        List<FailedRecord> failed = new ArrayList<>();
        int dropped = 0;
        for (RecordProcessor step : steps) {
            if (current.isEmpty()) {
                break;
            }
            ProcessingResult result = step.process(stream, current);
            current = result.records();
            failed.addAll(result.failed());
            dropped += result.dropped();
        }
        return new ProcessingResult(current, failed, dropped);
    }
}
