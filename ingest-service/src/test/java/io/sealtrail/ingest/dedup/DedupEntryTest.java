package io.sealtrail.ingest.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The dedup topic's wire form of an accepted event. */
class DedupEntryTest {

  @Test
  void shouldReadBackTheSameEntryWhenWrittenToBytes() {
    var entry =
        new DedupEntry("0f".repeat(32), 4, 123_456L, Instant.parse("2026-11-21T08:00:00.123Z"));

    DedupEntry read = DedupEntry.fromBytes(entry.toBytes());

    assertThat(read).isEqualTo(entry);
  }

  @Test
  void shouldRefuseBytesWhenTheyAreNotADedupEntry() {
    byte[] junk = "v1 not-a-hash 1 2 3".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> DedupEntry.fromBytes(junk))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a dedup entry");
  }
}
