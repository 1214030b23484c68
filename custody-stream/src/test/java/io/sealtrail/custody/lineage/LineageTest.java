package io.sealtrail.custody.lineage;

import static io.sealtrail.custody.fixtures.CustodyEvents.*;
import static io.sealtrail.custody.fixtures.Serials.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.custody.fixtures.CustodyDriver;
import io.sealtrail.custody.lineage.LotTrace.LotDevice;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Lot → devices and lot → supplier, re-keyed by lot through the lineage repartition. */
class LineageTest {
  static final Instant RECEIPT = Instant.parse("2026-03-01T08:00:00Z");
  static final Instant ASSEMBLY = RECEIPT.plus(Duration.ofDays(1));
  static final String RAM_LOT = "LOT-RAM-3";
  static final String OTHER_DEVICE = "GWX1-000043";

  private final CustodyDriver custody = new CustodyDriver();

  @AfterEach
  void close() {
    custody.close();
  }

  @Test
  void shouldTraceLotToEveryDeviceBuiltWithItWhenDevicesAreAssembled() {
    custody.send(
        componentReceived(LOT, "CPU-A53", RECEIPT),
        assembled(
            DEVICE, ASSEMBLY, component("CPU-A53", LOT, "CPU-0001"), component("RAM-8G", RAM_LOT)),
        assembled(OTHER_DEVICE, ASSEMBLY, component("CPU-A53", LOT, "CPU-0002")));

    assertThat(custody.lotTrace().devicesOf(LOT))
        .containsExactly(
            new LotDevice(DEVICE, "CPU-A53/CPU-0001"),
            new LotDevice(OTHER_DEVICE, "CPU-A53/CPU-0002"));
    assertThat(custody.lotTrace().devicesOf(RAM_LOT))
        .containsExactly(new LotDevice(DEVICE, "RAM-8G"));
    assertThat(custody.lotTrace().supplierOf(LOT)).contains("supplier-CPU-A53");
  }

  @Test
  void shouldTraceNothingWhenLotWasNeverBuiltIn() {
    custody.send(componentReceived(LOT, "CPU-A53", RECEIPT));

    assertThat(custody.lotTrace().devicesOf(LOT)).isEmpty();
    assertThat(custody.lotTrace().devicesOf("LOT-CPU")).isEmpty();
  }
}
