package io.sealtrail.custody.layout;

import io.sealtrail.avro.common.AttestationResult;
import io.sealtrail.avro.common.EventType;
import io.sealtrail.avro.event.Attested;
import io.sealtrail.avro.state.CustodyState;
import io.sealtrail.custody.event.Observation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A simple constraint on a step of a layout, judged against the serial as it was when the step's
 * event happened: the state before it and the serial's own events before it, in event time.
 */
public sealed interface Requirement {
  /** How the layout document names it ({@code "require"}). */
  String name();

  /**
   * Why {@code event} does not meet the requirement, or empty when it does. {@code before} are the
   * serial's events before it in event time, oldest first; {@code prior} its state then.
   */
  Optional<String> unmetBy(CustodyState prior, Observation event, List<Observation> before);

  /** An event of {@code type} must have happened before the step. */
  record After(EventType type) implements Requirement {
    @Override
    public String name() {
      return "after";
    }

    @Override
    public Optional<String> unmetBy(
        CustodyState prior, Observation event, List<Observation> before) {
      return before.stream().anyMatch(e -> e.type() == type)
          ? Optional.empty()
          : Optional.of("no " + type + " before it");
    }
  }

  /**
   * A passing {@code ATTESTED} must follow the latest event of {@code type} (a flash) before the
   * step; met when there is no such event.
   */
  record AttestedSince(EventType type) implements Requirement {
    @Override
    public String name() {
      return "attestedSince";
    }

    @Override
    public Optional<String> unmetBy(
        CustodyState prior, Observation event, List<Observation> before) {
      Optional<Instant> latest =
          before.stream()
              .filter(e -> e.type() == type)
              .map(Observation::occurredAt)
              .max(Instant::compareTo);
      if (latest.isEmpty()) {
        return Optional.empty();
      }
      boolean attested =
          before.stream()
              .filter(e -> e.occurredAt().isAfter(latest.get()))
              .anyMatch(
                  e ->
                      e.detail(Attested.class)
                          .filter(a -> a.getVerdict() == AttestationResult.PASS)
                          .isPresent());
      return attested
          ? Optional.empty()
          : Optional.of("no passing ATTESTED since the " + type + " at " + latest.get());
    }
  }

  /** The serial's own seal must be applied and intact (a {@code SEAL_APPLIED}, not broken). */
  record Sealed() implements Requirement {
    @Override
    public String name() {
      return "sealed";
    }

    @Override
    public Optional<String> unmetBy(
        CustodyState prior, Observation event, List<Observation> before) {
      if (prior == null || prior.getSealId() == null) {
        return Optional.of("not sealed");
      }
      return Boolean.FALSE.equals(prior.getSealIntact())
          ? Optional.of("seal " + prior.getSealId() + " is broken")
          : Optional.empty();
    }
  }
}
