package io.sealtrail.system.multinode;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What a fault run opened, closed in the reverse order of opening, each close attempted whatever
 * the others did. The network is opened first, so it is removed last: a Kafka client still running
 * when its brokers' namespaces are gone reconnects through the default route, and on a machine
 * whose egress proxy answers any connection with {@code HTTP/1.1 400}, the client reads "HTTP" as a
 * 1.2 GB response size and allocates it (Kafka clients do not bound a response's size, KAFKA-4090):
 * the in-process schema registry's reader died of {@code OutOfMemoryError} twice that way while
 * {@code bin/faults} tore down.
 */
final class Teardown implements AutoCloseable {
  private final List<AutoCloseable> opened = new ArrayList<>();
  private final Consumer<String> say;

  Teardown(Consumer<String> say) {
    this.say = say;
  }

  /** Registers {@code resource} to be closed before everything registered earlier. */
  <T extends AutoCloseable> T add(T resource) {
    opened.add(resource);
    return resource;
  }

  @Override
  public void close() {
    for (int i = opened.size() - 1; i >= 0; i--) {
      try {
        opened.get(i).close();
      } catch (Exception e) {
        say.accept("closing: " + e);
      }
    }
    opened.clear();
  }
}
