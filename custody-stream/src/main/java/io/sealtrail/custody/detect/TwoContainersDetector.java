package io.sealtrail.custody.detect;

import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.common.EventType;
import io.sealtrail.avro.state.CustodyState;
import io.sealtrail.custody.event.Observation;
import io.sealtrail.custody.state.Contents;
import java.util.List;
import java.util.Map;

/**
 * CLONE_SUSPECTED when a serial is packed into a container while still packed in another: judged on
 * the serial's state, with the packing container's event. A packing that reaches the serial only
 * through the container holding it (a carton put on a pallet) does not name it, and is not one. The
 * packing into the other container is cited.
 */
final class TwoContainersDetector implements Detector {
  @Override
  public List<Finding> detect(CustodyState held, Observation containerEvent) {
    return detect(held, containerEvent, Past.NONE);
  }

  @Override
  public List<Finding> detect(CustodyState held, Observation containerEvent, Past past) {
    if (held == null
        || containerEvent.type() != EventType.PACKED
        || !Contents.names(containerEvent, held.getSerial())
        || held.getContainer() == null
        || held.getContainer().equals(containerEvent.serial())
        || containerEvent.occurredAt().isBefore(held.getLastSeenAt())) {
      return List.of();
    }
    String summary =
        held.getSerial()
            + " packed into "
            + containerEvent.serial()
            + " while still packed in "
            + held.getContainer();
    return List.of(
        Finding.of(
                AlertType.CLONE_SUSPECTED,
                containerEvent,
                summary,
                Map.of("container", containerEvent.serial(), "otherContainer", held.getContainer()))
            .citing(
                past.latest(
                    e ->
                        e.type() == EventType.PACKED
                            && e.serial().equals(held.getContainer())
                            && Contents.names(e, held.getSerial())),
                "packed into " + held.getContainer()));
  }
}
