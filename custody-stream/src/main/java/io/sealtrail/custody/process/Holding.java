package io.sealtrail.custody.process;

import io.sealtrail.avro.alert.Violation;
import io.sealtrail.custody.detect.Awaiting;
import java.time.Duration;
import java.time.Instant;

/**
 * How long a violation that a late event could still clear is held.
 *
 * @param grace in stream time after the violation occurred, for the late event to arrive
 * @param elsewhereSettle in wall-clock time after its detection, also waited when what clears it is
 *     processed on another partition: stream time is per partition, and when event time runs far
 *     ahead of wall-clock time (a backlog, a replay, the demo) the partition holding the release
 *     may not have reached it yet. In live traffic the grace is long past this settle.
 */
record Holding(Duration grace, Duration elsewhereSettle) {
  boolean due(Violation violation, Instant streamTime, Instant wallTime) {
    boolean graceEnded = !violation.getOccurredAt().plus(grace).isAfter(streamTime);
    boolean settled =
        !Awaiting.from(violation.getAttributes()).metElsewhere()
            || !violation.getDetectedAt().plus(elsewhereSettle).isAfter(wallTime);
    return graceEnded && settled;
  }
}
