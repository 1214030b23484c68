package io.sealtrail.cli.demo;

import java.util.List;

/** A sealed pallet of cartons of devices, shipped from the factory to one dock. */
record Pallet(String serial, List<Carton> cartons, String dock, String shipmentId, String sealId) {
  Pallet {
    cartons = List.copyOf(cartons);
  }

  List<String> cartonSerials() {
    return cartons.stream().map(Carton::serial).toList();
  }

  /** A carton of devices. */
  record Carton(String serial, List<Device> devices) {
    Carton {
      devices = List.copyOf(devices);
    }

    List<String> deviceSerials() {
      return devices.stream().map(Device::serial).toList();
    }
  }
}
