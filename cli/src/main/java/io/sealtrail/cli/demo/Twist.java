package io.sealtrail.cli.demo;

import java.util.List;
import java.util.Map;

/** A change to the legitimate supply chain: events replaced (by event id) and events added. */
public record Twist(Map<String, DemoEvent> replacements, List<DemoEvent> additions) {
  public Twist {
    replacements = Map.copyOf(replacements);
    additions = List.copyOf(additions);
  }

  static Twist adding(DemoEvent... events) {
    return new Twist(Map.of(), List.of(events));
  }

  static Twist replacing(DemoEvent... events) {
    Map<String, DemoEvent> byId = new java.util.HashMap<>();
    for (DemoEvent e : events) {
      byId.put(e.eventId(), e);
    }
    return new Twist(byId, List.of());
  }
}
