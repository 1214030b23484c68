package io.sealtrail.custody.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

/** The firmware delta and its repartition serde. */
class FirmwareDeltaTest {
  @Test
  void shouldReadBackEveryFieldWhenSerdeRoundTrips() {
    FirmwareDelta delta =
        new FirmwareDelta("GWX1-000042", "gateway-x1", "1.4.0-rc.1", "ab".repeat(32), -1);
    Serde<FirmwareDelta> serde = FirmwareDelta.serde();

    byte[] bytes = serde.serializer().serialize("t", delta);

    assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(delta);
  }

  @Test
  void shouldRefuseChangeWhenItIsNeitherPlusNorMinusOne() {
    assertThatThrownBy(() -> new FirmwareDelta("s", "p", "v", "i", 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a firmware delta is +1 or -1, got 2");
  }
}
