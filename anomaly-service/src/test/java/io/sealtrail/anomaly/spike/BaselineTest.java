package io.sealtrail.anomaly.spike;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BaselineTest {
  private static final SpikeRules RULES = SpikeRules.defaults();
  private static final long HOUR = Duration.ofHours(1).toMillis();
  private static final long W1_END = 10 * HOUR;

  @Test
  void shouldCompareNewCohortWithFloorWhenItHasNoHistory() {
    Baseline none = Baseline.none();

    assertThat(none.isSpike(4, RULES)).isFalse();
    assertThat(none.isSpike(5, RULES)).isTrue();
  }

  @Test
  void shouldLearnSustainedLevelWhenWindowsKeepComing() {
    Baseline b = Baseline.none();
    int spikes = 0;

    for (int w = 0; w < 8; w++) {
      spikes += b.isSpike(6, RULES) ? 1 : 0;
      b = b.fold(6, W1_END + w * HOUR, RULES);
    }

    assertThat(spikes).isEqualTo(2);
    assertThat(b.isSpike(6, RULES)).isFalse();
    assertThat(b.isSpike(20, RULES)).isTrue();
  }

  @Test
  void shouldDecayBaselineWhenWindowsWithoutEventsPass() {
    Baseline learned = new Baseline(4.0, W1_END);

    Baseline afterQuietDay = learned.decayedTo(W1_END + 25 * HOUR, RULES);

    assertThat(afterQuietDay.mean()).isLessThan(0.02);
    assertThat(learned.decayedTo(W1_END + HOUR, RULES).mean()).isEqualTo(4.0);
  }

  @Test
  void shouldReadBackWhatItStores() {
    Baseline b = new Baseline(2.5, W1_END);

    assertThat(Baseline.parse(b.format())).isEqualTo(b);
    assertThat(Baseline.parse(null)).isEqualTo(Baseline.none());
  }
}
