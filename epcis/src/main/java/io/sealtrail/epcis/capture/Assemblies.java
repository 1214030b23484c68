package io.sealtrail.epcis.capture;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealtrail.epcis.capture.EventMapper.AssemblyParts;
import io.sealtrail.epcis.capture.EventMapper.Custody;
import io.sealtrail.epcis.capture.EventMapper.Reading;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins each assembly's two EPCIS events - the device's commissioning ObjectEvent and the
 * assembling AssociationEvent of its parts - into one custody ASSEMBLED event: the parts are folded
 * into a device event that was mapped, or refused when there is none.
 */
final class Assemblies {
  private Assemblies() {}

  static void pair(List<Reading> readings, EventOutcome[] outcomes) {
    Map<String, Custody> devices = new HashMap<>();
    for (Reading reading : readings) {
      if (reading instanceof Custody custody
          && custody.assembly() != null
          && outcomes[custody.index()] instanceof EventOutcome.Mapped) {
        devices.putIfAbsent(custody.assembly(), custody);
      }
    }
    for (Reading reading : readings) {
      if (reading instanceof AssemblyParts parts) {
        Custody device = devices.remove(parts.assembly()); // one parts event per device
        outcomes[parts.index()] = device == null ? unpaired(parts) : fold(parts, device);
      }
    }
  }

  private static EventOutcome fold(AssemblyParts parts, Custody device) {
    ObjectNode detail = (ObjectNode) device.event().get("detail");
    ((ArrayNode) detail.get("components")).addAll(parts.components());
    return new EventOutcome.Folded(parts.index(), EpcisCapture.EVENT_LIST + "/" + device.index());
  }

  private static EventOutcome unpaired(AssemblyParts parts) {
    String pointer = EpcisCapture.EVENT_LIST + "/" + parts.index();
    return new EventOutcome.Rejected(
        parts.index(),
        new Rejection(
            RejectionCode.UNPAIRED_ASSEMBLY,
            pointer,
            "no commissioning ObjectEvent (ADD) of this parentID at the same eventTime"
                + " (and sealtrail:custodyEventId) was mapped in this document without other parts"));
  }
}
