package io.sealtrail.custody.sequence;

import io.sealtrail.avro.alert.Violation;
import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.common.Evidence;
import io.sealtrail.custody.detect.Finding;
import io.sealtrail.custody.detect.Violations;
import io.sealtrail.custody.event.Observation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The violations of a producer's numbering: a run of missing numbers, a number given twice. */
final class SequenceFindings {
  static final String STREAM = "stream";
  static final String MISSING_FROM = "missingFrom";
  static final String MISSING_TO = "missingTo";

  private SequenceFindings() {}

  /**
   * SEQUENCE_GAP for the numbers {@code from}..{@code to} (inclusive) of the trigger's stream,
   * missing before {@code after}, the first event numbered past them; it cites the event just
   * before the run when there is one. Held from {@code heldSince}.
   */
  static Violation gap(
      long from, long to, Observation after, Optional<Observation> before, Instant heldSince) {
    String stream = after.verified().getEvent().getStream();
    String numbers = from == to ? "number " + from : "numbers " + from + ".." + to;
    String summary =
        "partner "
            + after.partnerId()
            + "'s stream "
            + stream
            + " has no event with "
            + numbers
            + " within the grace: an event may have been dropped";
    Map<String, String> attributes = new HashMap<>();
    attributes.put(STREAM, stream);
    attributes.put(MISSING_FROM, Long.toString(from));
    attributes.put(MISSING_TO, Long.toString(to));
    Finding finding =
        Finding.of(AlertType.SEQUENCE_GAP, after, summary, attributes)
            .citing(before, "the last event before the gap");
    return Violations.of(finding, after, heldSince);
  }

  /** The same gap, narrowed to {@code from}..{@code to} after a late event filled part of it. */
  static Violation narrowed(Violation gap, long from, long to) {
    Map<String, String> attributes = new HashMap<>(gap.getAttributes());
    attributes.put(MISSING_FROM, Long.toString(from));
    attributes.put(MISSING_TO, Long.toString(to));
    String numbers = from == to ? "number " + from : "numbers " + from + ".." + to;
    String summary = gap.getSummary().replaceFirst("numbers? [0-9.]+ within", numbers + " within");
    return Violation.newBuilder(gap).setAttributes(attributes).setSummary(summary).build();
  }

  /**
   * The part of {@code gap} up to {@code to}, below the late event {@code after} that split it: the
   * first event after it now, held since the gap was noticed, still citing the event before it.
   */
  static Violation below(Violation gap, long to, Observation after) {
    Violation below = gap(from(gap), to, after, Optional.empty(), gap.getDetectedAt());
    List<Evidence> evidence = new ArrayList<>(below.getEvidence());
    gap.getEvidence().stream().skip(1).forEach(evidence::add);
    return Violation.newBuilder(below).setEvidence(evidence).build();
  }

  static long from(Violation gap) {
    return Long.parseLong(gap.getAttributes().get(MISSING_FROM));
  }

  static long to(Violation gap) {
    return Long.parseLong(gap.getAttributes().get(MISSING_TO));
  }

  /** SEQUENCE_REUSE: {@code reuser} carries the number {@code holder} was given first. */
  static Violation reuse(Observation reuser, Observation holder, Instant now) {
    var event = reuser.verified().getEvent();
    String summary =
        "partner "
            + reuser.partnerId()
            + "'s stream "
            + event.getStream()
            + " gives number "
            + event.getSequence()
            + " to event "
            + reuser.eventId()
            + ", already given to event "
            + holder.eventId();
    Finding finding =
        Finding.of(
                AlertType.SEQUENCE_REUSE,
                reuser,
                summary,
                Map.of(STREAM, event.getStream(), "sequence", Long.toString(event.getSequence())))
            .citing(Optional.of(holder), "the first event with this number");
    return Violations.of(finding, reuser, now);
  }
}
