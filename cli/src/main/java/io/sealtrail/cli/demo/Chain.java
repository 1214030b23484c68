package io.sealtrail.cli.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The legitimate events as they are generated, each findable by a name such as {@code DEV-1/flash}.
 */
final class Chain {
  private final List<DemoEvent> events = new ArrayList<>();
  private final Map<String, DemoEvent> named = new HashMap<>();

  DemoEvent add(DemoEvent event) {
    events.add(event);
    return event;
  }

  DemoEvent add(String name, DemoEvent event) {
    named.put(name, event);
    return add(event);
  }

  DemoEvent get(String name) {
    DemoEvent event = named.get(name);
    if (event == null) {
      throw new IllegalStateException("no event named " + name);
    }
    return event;
  }

  java.util.Optional<DemoEvent> find(String name) {
    return java.util.Optional.ofNullable(named.get(name));
  }

  List<DemoEvent> events() {
    return List.copyOf(events);
  }
}
