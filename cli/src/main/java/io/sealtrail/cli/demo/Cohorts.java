package io.sealtrail.cli.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Which sealed devices go to customers and which stay in stock at the docks, and the devices the
 * story singles out: the early ones the factory cases happen to, a stock device that is cloned, one
 * that is decommissioned, and a few whose field attestations are reported late.
 */
record Cohorts(
    List<Device> commissioned,
    List<Device> factoryVictims,
    Device cloned,
    Device decommissioned,
    List<Device> late) {
  static final double COMMISSIONED_SHARE = 0.7;

  static Cohorts assign(List<Device> sealed, List<Pallet> pallets, Random random) {
    // Room for one factory case per detection that happens at the factory.
    List<Device> factoryVictims = sealed.subList(2, 20);
    Device cloned = stockAtRotterdam(pallets);
    List<Device> commissioned = new ArrayList<>();
    for (Device d : sealed) {
      if (random.nextDouble() < COMMISSIONED_SHARE && !d.equals(cloned)) {
        commissioned.add(d);
      }
    }
    List<Device> free = commissioned.stream().filter(d -> !factoryVictims.contains(d)).toList();
    return new Cohorts(
        commissioned, List.copyOf(factoryVictims), cloned, free.get(0), free.subList(1, 5));
  }

  /** Devices no story is about, commissioned: candidates for noise. */
  List<Device> uneventful() {
    Set<Device> taken = new java.util.HashSet<>(factoryVictims);
    taken.add(decommissioned);
    taken.addAll(late);
    return commissioned.stream().filter(d -> !taken.contains(d)).toList();
  }

  private static Device stockAtRotterdam(List<Pallet> pallets) {
    Pallet pallet =
        pallets.stream().filter(p -> p.dock().equals(Sites.ROTTERDAM)).findFirst().orElseThrow();
    List<Pallet.Carton> cartons = pallet.cartons();
    List<Device> last = cartons.get(cartons.size() - 1).devices();
    return last.get(last.size() - 1);
  }
}
