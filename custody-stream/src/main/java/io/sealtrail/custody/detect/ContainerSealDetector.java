package io.sealtrail.custody.detect;

import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.event.Received;
import io.sealtrail.avro.event.SealChecked;
import io.sealtrail.avro.state.CustodyState;
import io.sealtrail.custody.event.Observation;
import java.util.List;
import java.util.Map;

/**
 * SEAL_BROKEN for every serial in a container whose seal is reported broken, since what it holds
 * was exposed; the container's own violation names the container.
 */
final class ContainerSealDetector implements Detector {
  @Override
  public List<Finding> detect(CustodyState held, Observation containerEvent) {
    boolean broken =
        containerEvent.detail(SealChecked.class).map(c -> !c.getIntact()).orElse(false)
            || containerEvent
                .detail(Received.class)
                .map(r -> Boolean.FALSE.equals(r.getSealIntact()))
                .orElse(false);
    if (!broken || held == null) {
      return List.of();
    }
    String summary =
        "seal of " + containerEvent.serial() + " holding " + held.getSerial() + " reported broken";
    return List.of(
        Finding.of(
            AlertType.SEAL_BROKEN,
            containerEvent,
            summary,
            Map.of("container", containerEvent.serial())));
  }
}
