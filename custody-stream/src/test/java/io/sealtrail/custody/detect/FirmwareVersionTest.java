package io.sealtrail.custody.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The order of firmware versions that rollback detection relies on. */
class FirmwareVersionTest {
  @Test
  void shouldOrderNumericPartsAsNumbersWhenVersionsDifferInWidth() {
    assertThat(new FirmwareVersion("1.10.0")).isGreaterThan(new FirmwareVersion("1.9.3"));
    assertThat(new FirmwareVersion("2.0.0-rc1")).isLessThan(new FirmwareVersion("2.0.0-rc2"));
    assertThat(new FirmwareVersion("1.4")).isLessThan(new FirmwareVersion("1.4.1"));
    assertThat(new FirmwareVersion("1.4.0")).isEqualByComparingTo(new FirmwareVersion("1.4.0"));
  }
}
