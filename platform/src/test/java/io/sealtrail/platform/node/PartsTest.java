package io.sealtrail.platform.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartsTest {
  private final List<String> closed = new ArrayList<>();
  private final Parts parts = new Parts();

  @Test
  void shouldCloseNewestFirstAndOnlyOnceWhenClosedTwice() {
    parts.add(() -> closed.add("streams"));
    parts.add(() -> closed.add("server"));

    parts.close();
    parts.close();

    assertThat(closed).containsExactly("server", "streams");
  }

  @Test
  void shouldCloseEveryPartAndReportTheFailureWhenOneFailsToClose() {
    parts.add(() -> closed.add("streams"));
    parts.add(
        () -> {
          throw new IllegalStateException("stuck");
        });
    parts.add(() -> closed.add("server"));

    assertThatThrownBy(parts::close).hasRootCauseMessage("stuck");
    assertThat(closed).containsExactly("server", "streams");
  }

  @Test
  void shouldAddWhatFailedToCloseToTheStartFailureWhenClosedAfterIt() {
    parts.add(
        () -> {
          throw new IllegalStateException("stuck");
        });
    RuntimeException start = new RuntimeException("no broker");

    parts.closeAfter(start);

    assertThat(start.getSuppressed()).extracting(Throwable::getMessage).containsExactly("stuck");
  }
}
