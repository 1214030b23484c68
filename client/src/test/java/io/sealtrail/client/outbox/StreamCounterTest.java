package io.sealtrail.client.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stream's durable count: numbers from 0, never twice, across reopening. */
class StreamCounterTest {
  @TempDir Path dir;

  @Test
  void shouldNumberFromZeroAndGoOnWhereTheLastRunStoppedWhenReopened() throws IOException {
    StreamCounter first = StreamCounter.open(dir, "dock-3");
    assertThat(first.take()).isZero();
    assertThat(first.take()).isEqualTo(1);

    StreamCounter reopened = StreamCounter.open(dir, "dock-3");

    assertThat(reopened.peek()).isEqualTo(2);
    assertThat(reopened.take()).isEqualTo(2);
    assertThat(StreamCounter.open(dir, "dock-4").take()).as("another stream").isZero();
  }

  @Test
  void shouldRefuseACountItCannotReadRatherThanStartAgainAtZero() throws IOException {
    StreamCounter.open(dir, "dock-3").take();
    Files.writeString(dir.resolve("dock-3.next"), "garbage");

    assertThatThrownBy(() -> StreamCounter.open(dir, "dock-3"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("garbage");
  }

  @Test
  void shouldNameTheFileSafelyWhateverTheStreamsName() throws IOException {
    StreamCounter.open(dir, "../étage 2/porte").take();

    assertThat(StreamCounter.fileName("../étage 2/porte"))
        .isEqualTo("%2E%2E%2F%C3%A9tage%202%2Fporte");
    assertThat(dir.resolve("%2E%2E%2F%C3%A9tage%202%2Fporte.next")).exists();
    assertThat(StreamCounter.fileName("line_1-A")).isEqualTo("line_1-A");
  }
}
