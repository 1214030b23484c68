package io.sealtrail.cli.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A generated demo: the cast, the legitimate supply chain, the injected cases and the noise, the
 * lot declared faulty.
 */
public record Scenario(
    DemoCast cast,
    String run,
    int devices,
    String faultyLot,
    List<DemoEvent> legitimate,
    List<InjectedCase> cases,
    Noise noise) {
  public Scenario {
    Objects.requireNonNull(cast, "cast");
    legitimate = List.copyOf(legitimate);
    cases = List.copyOf(cases);
    Objects.requireNonNull(noise, "noise");
  }

  /** Everything the demo sends: the supply chain with every case and the noise, in send order. */
  public List<DemoEvent> all() {
    List<Twist> twists = new ArrayList<>(cases.stream().map(InjectedCase::twist).toList());
    twists.add(noise.twist());
    return with(twists);
  }

  /** The legitimate supply chain changed by {@code twists}, in send order. */
  public List<DemoEvent> with(List<Twist> twists) {
    List<DemoEvent> events = new ArrayList<>(legitimate.size());
    for (DemoEvent event : legitimate) {
      DemoEvent sent = event;
      for (Twist twist : twists) {
        sent = twist.replacements().getOrDefault(event.eventId(), sent);
      }
      events.add(sent);
    }
    twists.forEach(t -> events.addAll(t.additions()));
    // Stable: events sent at the same instant keep the order they were generated in.
    events.sort(Comparator.comparing(DemoEvent::sendAt));
    return events;
  }
}
