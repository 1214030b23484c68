package io.sealtrail.ingest.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an instance remembers of its partitions' accepted events, and when it forgets. */
class DedupStateTest {
  private static final Instant T0 = Instant.parse("2026-11-21T08:00:00Z");
  private static final String SHA = "c".repeat(64);

  private final DedupState state = new DedupState();

  @Test
  void shouldKeepTheFirstEntryWhenAKeyIsPutTwice() {
    state.own(0);
    state.put(0, "acme/ev-1", entry(7, T0));

    state.put(0, "acme/ev-1", entry(9, T0.plusSeconds(1)));

    assertThat(state.find(0, "acme/ev-1")).contains(entry(7, T0));
  }

  @Test
  void shouldNotFindAnEntryWhenLookingInAnotherPartition() {
    state.own(0);
    state.own(1);
    state.put(0, "acme/ev-1", entry(7, T0));

    var found = state.find(1, "acme/ev-1");

    assertThat(found).isEmpty();
  }

  @Test
  void shouldForgetEntriesReceivedBeforeTheCutoffWhenExpiring() {
    state.own(0);
    state.put(0, "acme/old", entry(1, T0));
    state.put(0, "acme/new", entry(2, T0.plusSeconds(60)));

    state.expireBefore(T0.plusSeconds(30));

    assertThat(state.find(0, "acme/old")).isEmpty();
    assertThat(state.find(0, "acme/new")).isPresent();
    assertThat(state.size()).isOne();
  }

  @Test
  void shouldForgetAPartitionWhenItIsReleased() {
    state.own(0);
    state.own(1);
    state.put(0, "acme/ev-1", entry(7, T0));

    state.drop(List.of(0));

    assertThat(state.owned()).containsExactly(1);
    assertThat(state.find(0, "acme/ev-1")).isEmpty();
  }

  private static DedupEntry entry(long offset, Instant receivedAt) {
    return new DedupEntry(SHA, 2, offset, receivedAt);
  }
}
