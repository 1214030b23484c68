package io.sealtrail.custody.inventory;

import io.sealtrail.avro.state.CustodyState;
import io.sealtrail.avro.state.CustodyStatus;
import java.util.Optional;

/**
 * Where a device running an image is in its life, as the firmware view counts it: in the field
 * (commissioned for a customer, not decommissioned), in transit, or in stock (in a factory or at a
 * site, never commissioned). A decommissioned device is in none of them.
 */
public enum FirmwarePhase {
  STOCK,
  IN_TRANSIT,
  FIELDED;

  /** The phase of the device {@code state} describes; empty once it is decommissioned. */
  public static Optional<FirmwarePhase> of(CustodyState state) {
    if (state.getStatus() == CustodyStatus.DECOMMISSIONED) {
      return Optional.empty();
    }
    // The customer is folded from COMMISSIONED and only cleared by DECOMMISSIONED, so a device
    // shipped back for repair still counts as fielded: it is still the customer's.
    if (state.getCustomer() != null || state.getStatus() == CustodyStatus.IN_SERVICE) {
      return Optional.of(FIELDED);
    }
    return Optional.of(state.getStatus() == CustodyStatus.IN_TRANSIT ? IN_TRANSIT : STOCK);
  }
}
