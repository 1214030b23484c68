package io.sealtrail.custody.layout;

import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.event.Assembled;
import io.sealtrail.avro.event.Signer;
import io.sealtrail.avro.state.CustodyState;
import io.sealtrail.custody.detect.Detector;
import io.sealtrail.custody.detect.Finding;
import io.sealtrail.custody.detect.Past;
import io.sealtrail.custody.event.Observation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/**
 * PROCESS_DEVIATION: a device's event that does a step of its product's layout (ADR 14) out of the
 * layout's order, skipping an earlier step, by a role the step does not allow, with fewer distinct
 * partners than its threshold, or without meeting its constraints. Judged in event-time order
 * against the device as it was when the event happened (the events before it, its own and its
 * containers': a pallet's SHIPPED is its devices' shipping), so the order events arrive in changes
 * nothing. The layout is the version in force when the event was received, read from the global
 * layouts store when the event is judged: a change applies to events received after it only. At
 * most one finding per event, the first deviation in the order above; a skipped step is raised
 * once, on the first event past it.
 */
public final class LayoutDetector implements Detector {
  private final LayoutBook layouts;

  public LayoutDetector(LayoutBook layouts) {
    this.layouts = layouts;
  }

  /** The detector over the global layouts store a custody processor of {@code context} reads. */
  public static LayoutDetector over(ProcessorContext<?, ?> context) {
    return new LayoutDetector(new LayoutBook(context.getStateStore(LayoutStore.NAME)));
  }

  @Override
  public List<Finding> detect(CustodyState prior, Observation event) {
    return detect(prior, event, Past.NONE);
  }

  @Override
  public List<Finding> detect(CustodyState prior, Observation event, Past past) {
    Optional<Assembled> assembled = event.detail(Assembled.class);
    String product =
        assembled.map(Assembled::getProduct).orElse(prior == null ? null : prior.getProduct());
    if (product == null) {
      return List.of();
    }
    Layout layout = layouts.of(product).inForceAt(event.verified().getReceivedAt());
    if (layout.isDefault()) {
      // The default layout's rules are INVALID_TRANSITION's, raised by their own detectors.
      return List.of();
    }
    String revision =
        assembled
            .map(Assembled::getBomRevision)
            .orElse(prior == null ? null : prior.getBomRevision());
    List<Step> steps = layout.stepsFor(revision);
    return Layout.indexOf(steps, event.type())
        .flatMap(i -> new Judgement(layout, steps, i, prior, event, past.byTime()).deviation())
        .map(List::of)
        .orElse(List.of());
  }

  /** One event judged against the step it does. */
  private record Judgement(
      Layout layout,
      List<Step> steps,
      int index,
      CustodyState prior,
      Observation event,
      List<Observation> before) {
    Step step() {
      return steps.get(index);
    }

    Optional<Finding> deviation() {
      return role().or(this::threshold).or(this::skipped).or(this::order).or(this::unmet);
    }

    private Optional<Finding> role() {
      List<String> held =
          event.verified().getSigners().stream()
              .filter(s -> s.getPartnerId().equals(event.partnerId()))
              .flatMap(s -> s.getRoles().stream().map(Object::toString))
              .toList();
      if (step().allows(held)) {
        return Optional.empty();
      }
      return Optional.of(
          finding(
              "role",
              "reported by "
                  + event.partnerId()
                  + " holding "
                  + held
                  + ", the step allows "
                  + sorted(step().roles()),
              Map.of("roles", String.join(",", held))));
    }

    private Optional<Finding> threshold() {
      Set<String> partners =
          event.verified().getSigners().stream()
              .filter(s -> step().allows(s.getRoles()))
              .map(Signer::getPartnerId)
              .collect(Collectors.toSet());
      if (partners.size() >= step().threshold()) {
        return Optional.empty();
      }
      return Optional.of(
          finding(
              "threshold",
              "signed by "
                  + partners.size()
                  + " distinct partner(s) of the allowed roles, the step needs "
                  + step().threshold(),
              Map.of("partners", String.join(",", sorted(partners)))));
    }

    /** An earlier required step not done, raised on the first event past it only. */
    private Optional<Finding> skipped() {
      for (int j = 0; j < index; j++) {
        Step earlier = steps.get(j);
        if (earlier.optional() || done(j)) {
          continue;
        }
        boolean firstPast = true;
        for (int k = j + 1; k < steps.size(); k++) {
          firstPast &= !done(k);
        }
        if (!firstPast) {
          return Optional.empty();
        }
        return Optional.of(
            finding(
                "skipped",
                "skipped step " + earlier.name() + " (" + earlier.type() + ")",
                Map.of("skippedStep", earlier.name())));
      }
      return Optional.empty();
    }

    /** A step not repeatable, done after a later step or again. */
    private Optional<Finding> order() {
      if (step().repeatable()) {
        return Optional.empty();
      }
      for (int k = steps.size() - 1; k > index; k--) {
        Optional<Observation> later = last(k);
        if (later.isPresent()) {
          Step after = steps.get(k);
          return Optional.of(
              finding(
                      "out-of-order",
                      "done after step " + after.name() + " (" + after.type() + ")",
                      Map.of("afterStep", after.name()))
                  .citing(later, "step " + after.name() + " of the layout, done before it"));
        }
      }
      Optional<Observation> again = last(index);
      return again.map(
          e ->
              finding("repeated", "done again, and the step is not repeatable", Map.of())
                  .citing(again, "step " + step().name() + ", done before"));
    }

    private Optional<Finding> unmet() {
      for (Requirement r : step().requires()) {
        Optional<String> why = r.unmetBy(prior, event, before);
        if (why.isPresent()) {
          return Optional.of(
              finding(
                  "unmet",
                  "constraint " + r.name() + " not met: " + why.get(),
                  Map.of("requirement", r.name())));
        }
      }
      return Optional.empty();
    }

    private boolean done(int k) {
      return last(k).isPresent();
    }

    private Optional<Observation> last(int k) {
      var type = steps.get(k).type();
      return before.stream().filter(e -> e.type() == type).reduce((a, b) -> b);
    }

    private Finding finding(String deviation, String what, Map<String, String> more) {
      Map<String, String> attributes = new HashMap<>(more);
      attributes.put("deviation", deviation);
      attributes.put("layoutProduct", layout.product());
      attributes.put("layoutVersion", Long.toString(layout.version()));
      attributes.put("step", step().name());
      attributes.put("stepType", step().type().name());
      String summary =
          event.serial()
              + " "
              + event.type()
              + " deviates from layout "
              + layout.product()
              + " v"
              + layout.version()
              + " at step "
              + step().name()
              + ": "
              + what;
      return Finding.of(AlertType.PROCESS_DEVIATION, event, summary, attributes);
    }

    private static List<String> sorted(Set<String> values) {
      return values.stream().sorted().toList();
    }
  }
}
