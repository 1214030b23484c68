package io.sealtrail.custody.process;

import io.sealtrail.avro.alert.Violation;
import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.avro.state.CustodyState;
import io.sealtrail.custody.inventory.FirmwareDelta;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;

/**
 * What one step of a custody processor produced: the serial's new state when an event changed it,
 * the violations now final, a container's event re-keyed by each serial it holds, the change of its
 * installed firmware keyed by product, and the task's watermark when it moved.
 */
public record StepOutput(
    Optional<CustodyState> state,
    List<Violation> violations,
    List<KeyValue<String, VerifiedEvent>> carried,
    List<KeyValue<String, FirmwareDelta>> firmware,
    List<KeyValue<String, Long>> watermarks) {
  public StepOutput {
    violations = List.copyOf(violations);
    carried = List.copyOf(carried);
    firmware = List.copyOf(firmware);
    watermarks = List.copyOf(watermarks);
  }

  /** A serial's new state, its final violations, what it passes on and its firmware change. */
  public StepOutput(
      Optional<CustodyState> state,
      List<Violation> violations,
      List<KeyValue<String, VerifiedEvent>> carried,
      List<KeyValue<String, FirmwareDelta>> firmware) {
    this(state, violations, carried, firmware, List.of());
  }

  /** How far a task has processed its partition, as keys and values of {@link Watermarks}. */
  public static StepOutput progress(List<KeyValue<String, Long>> watermarks) {
    return new StepOutput(Optional.empty(), List.of(), List.of(), List.of(), watermarks);
  }

  /** A held serial's new state, its final violations and the event passed on to what it holds. */
  public static StepOutput of(
      CustodyState state,
      List<Violation> violations,
      List<KeyValue<String, VerifiedEvent>> passedOn) {
    return new StepOutput(Optional.of(state), violations, passedOn, List.of());
  }

  /** Violations released without any new state, e.g. when their grace ended. */
  public static StepOutput released(List<Violation> violations) {
    return new StepOutput(Optional.empty(), violations, List.of(), List.of());
  }

  /** The new state as zero or one records for the state topic. */
  public List<CustodyState> states() {
    return state.map(List::of).orElse(List.of());
  }
}
