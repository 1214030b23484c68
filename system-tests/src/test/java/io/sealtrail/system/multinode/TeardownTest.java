package io.sealtrail.system.multinode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 21: {@code bin/faults} removed the network namespaces before it closed the schema registry
 * and the Kafka nodes; the registry's reader then reconnected through the default route and died of
 * {@code OutOfMemoryError} reading an HTTP answer as a Kafka response size.
 */
class TeardownTest {

  @Test
  void shouldRemoveTheNetworkOnlyAfterEveryProcessAndClientOnItIsClosed() {
    List<String> closed = new ArrayList<>();
    List<String> said = new ArrayList<>();
    try (Teardown open = new Teardown(said::add)) {
      open.add(() -> closed.add("network"));
      open.add(() -> closed.add("kafka-1"));
      open.add(
          () -> {
            closed.add("registry");
            throw new IllegalStateException("registry stuck");
          });
      open.add(() -> closed.add("supervisor"));
    }

    assertThat(closed).containsExactly("supervisor", "registry", "kafka-1", "network");
    assertThat(said).singleElement().asString().contains("registry stuck");
  }
}
