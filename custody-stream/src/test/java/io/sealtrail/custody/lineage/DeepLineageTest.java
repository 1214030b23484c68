package io.sealtrail.custody.lineage;

import static io.sealtrail.custody.fixtures.CustodyEvents.*;
import static io.sealtrail.custody.fixtures.Serials.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.custody.fixtures.CustodyDriver;
import io.sealtrail.custody.lineage.DeepLineage.Reached;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Sub-assemblies are devices too: a lot that went into a module that went into a product is traced
 * to the product, to any depth, each device once, without following a cycle round.
 */
class DeepLineageTest {
  static final Instant RECEIPT = Instant.parse("2026-03-01T08:00:00Z");
  static final Instant ASSEMBLY = RECEIPT.plus(Duration.ofDays(1));
  static final String MODULE = "MOD-000001";
  static final String PRODUCT_SERIAL = "GWX1-000100";
  static final String RACK = "RACK-000001";
  static final String MODULE_LOT = "LOT-MOD-1";

  private final CustodyDriver custody = new CustodyDriver();

  @AfterEach
  void close() {
    custody.close();
  }

  @Test
  void shouldTraceALotThroughEverySubAssemblyWhenModulesAreBuiltIntoProducts() {
    custody.send(
        componentReceived(LOT, "CPU-A53", RECEIPT),
        assembled(MODULE, ASSEMBLY, component("CPU-A53", LOT, "CPU-0001")),
        assembled(PRODUCT_SERIAL, ASSEMBLY.plusSeconds(60), component("MOD", MODULE_LOT, MODULE)),
        assembled(RACK, ASSEMBLY.plusSeconds(120), component("GW", "LOT-GW", PRODUCT_SERIAL)));

    assertThat(traced(LOT))
        .containsExactly(
            new Reached(MODULE, "CPU-A53/CPU-0001", 1, List.of()),
            new Reached(PRODUCT_SERIAL, "MOD/" + MODULE, 2, List.of(MODULE)),
            new Reached(RACK, "GW/" + PRODUCT_SERIAL, 3, List.of(MODULE, PRODUCT_SERIAL)));
  }

  @Test
  void shouldListEachDeviceOnceAndStopWhenSubAssembliesFormACycle() {
    custody.send(
        componentReceived(LOT, "CPU-A53", RECEIPT),
        assembled(
            MODULE,
            ASSEMBLY,
            component("CPU-A53", LOT, "CPU-0001"),
            component("GW", "LOT-GW", PRODUCT_SERIAL)),
        assembled(PRODUCT_SERIAL, ASSEMBLY.plusSeconds(60), component("MOD", MODULE_LOT, MODULE)));

    assertThat(traced(LOT))
        .containsExactly(
            new Reached(MODULE, "CPU-A53/CPU-0001", 1, List.of()),
            new Reached(PRODUCT_SERIAL, "MOD/" + MODULE, 2, List.of(MODULE)));
  }

  @Test
  void shouldListAProductOnceWhenItIsReachedDirectlyAndThroughAModule() {
    custody.send(
        componentReceived(LOT, "CPU-A53", RECEIPT),
        assembled(MODULE, ASSEMBLY, component("CPU-A53", LOT, "CPU-0001")),
        assembled(
            PRODUCT_SERIAL,
            ASSEMBLY.plusSeconds(60),
            component("MOD", MODULE_LOT, MODULE),
            component("CPU-A53", LOT, "CPU-0002")));

    assertThat(traced(LOT))
        .extracting(Reached::serial)
        .containsExactlyInAnyOrder(MODULE, PRODUCT_SERIAL);
  }

  @Test
  void shouldRecordEveryLotOfASupplierWhenItsComponentsAreReceived() {
    custody.send(
        componentReceived(LOT, "CPU-A53", RECEIPT),
        componentReceived("LOT-CPU-8", "CPU-A53", RECEIPT.plusSeconds(60)),
        componentReceived("LOT-RAM-1", "RAM-8G", RECEIPT));

    ReadOnlyKeyValueStore<String, String> lots = custody.store(LineageStores.SUPPLIER_LOTS);
    assertThat(Lineage.all(lots, "supplier-CPU-A53"))
        .extracting(Lineage.Link::serial)
        .containsExactly(LOT, "LOT-CPU-8");
  }

  @Test
  void shouldPageThroughEveryDeviceOfALotWhenItHasMoreThanOneBatch() {
    List<String> serials = new ArrayList<>();
    for (int i = 0; i < 1_234; i++) {
      serials.add(String.format("GWX1-%06d", i));
    }
    serials.forEach(s -> custody.send(assembled(s, ASSEMBLY, component("CPU-A53", LOT))));

    List<String> read = new ArrayList<>();
    custody.lotTrace().built(LOT).forEachRemaining(link -> read.add(link.serial()));

    assertThat(read).containsExactlyElementsOf(serials);
  }

  private List<Reached> traced(String lot) {
    ReadOnlyKeyValueStore<String, String> parents = custody.store(LineageStores.COMPONENT_PARENTS);
    LotTrace trace = custody.lotTrace();
    List<Reached> reached = new ArrayList<>();
    new DeepLineage(
            trace.built(lot),
            serial -> trace.builtWith(lot, serial),
            serial -> Lineage.all(parents, serial),
            Integer.MAX_VALUE,
            Set.of())
        .forEachRemaining(reached::add);
    return reached;
  }
}
