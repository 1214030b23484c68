package io.sealtrail.custody.detect;

import static io.sealtrail.custody.fixtures.CustodyEvents.*;
import static io.sealtrail.custody.fixtures.Serials.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.common.ComponentRef;
import io.sealtrail.custody.fixtures.CustodyDriver;
import io.sealtrail.custody.fixtures.EventFixture;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** COMPONENT_SUBSTITUTION: an inspection finds parts that assembly did not put in the device. */
class ComponentSubstitutionTest {
  static final Instant ASSEMBLY = Instant.parse("2026-03-02T08:00:00Z");
  static final Instant INSPECTION = ASSEMBLY.plus(Duration.ofHours(2));

  static final ComponentRef CPU = component("CPU-A53", "LOT-CPU-7", "CPU-0001");
  static final ComponentRef RAM = component("RAM-8G", "LOT-RAM-3");

  private final CustodyDriver custody = new CustodyDriver();

  @AfterEach
  void close() {
    custody.close();
  }

  /** The lots of {@link #CPU} and {@link #RAM}, received before assembly. */
  static EventFixture[] lotsReceived() {
    Instant before = ASSEMBLY.minus(Duration.ofDays(1));
    return new EventFixture[] {
      componentReceived(CPU.getLot(), CPU.getPartNumber(), before),
      componentReceived(RAM.getLot(), RAM.getPartNumber(), before)
    };
  }

  @Test
  void shouldRaiseSubstitutionWhenInspectionFindsAnotherSerial() {
    custody.send(lotsReceived()).send(assembled(DEVICE, ASSEMBLY, CPU, RAM));

    custody.send(scanned(DEVICE, INSPECTION, component("CPU-A53", "LOT-CPU-7", "CPU-0666"), RAM));

    custody.afterGrace();

    assertThat(custody.violations())
        .singleElement()
        .satisfies(v -> assertThat(v.getType()).isEqualTo(AlertType.COMPONENT_SUBSTITUTION))
        .satisfies(
            v ->
                assertThat(v.getAttributes())
                    .containsEntry("components", "CPU-A53/LOT-CPU-7/CPU-0666"));
  }

  @Test
  void shouldRaiseSubstitutionWhenInspectionFindsPartFromAnotherLot() {
    custody.send(lotsReceived()).send(assembled(DEVICE, ASSEMBLY, CPU, RAM));

    custody.send(scanned(DEVICE, INSPECTION, CPU, component("RAM-8G", "LOT-RAM-GREY")));

    custody.afterGrace();

    assertThat(custody.violationTypes()).containsExactly(AlertType.COMPONENT_SUBSTITUTION);
  }

  @Test
  void shouldStaySilentWhenInspectionFindsAssembledParts() {
    custody.send(lotsReceived()).send(assembled(DEVICE, ASSEMBLY, CPU, RAM));

    custody.send(scanned(DEVICE, INSPECTION, CPU, RAM));

    custody.afterGrace();

    assertThat(custody.violations()).isEmpty();
  }

  @Test
  void shouldStaySilentWhenInspectionSeesOnlySomePartsOrReadsSerialAssemblyDidNotRecord() {
    custody.send(lotsReceived()).send(assembled(DEVICE, ASSEMBLY, CPU, RAM));

    custody.send(scanned(DEVICE, INSPECTION, component("RAM-8G", "LOT-RAM-3", "RAM-77")));

    custody.afterGrace();

    assertThat(custody.violations()).isEmpty();
  }
}
