package io.sealtrail.epcis.export;

import static io.sealtrail.epcis.export.EventShapes.AGGREGATION;
import static io.sealtrail.epcis.export.EventShapes.base;
import static io.sealtrail.epcis.export.EventShapes.detail;
import static io.sealtrail.epcis.export.EventShapes.objectEvent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealtrail.avro.common.EventType;
import io.sealtrail.avro.event.Packed;
import io.sealtrail.avro.event.Received;
import io.sealtrail.avro.event.SealApplied;
import io.sealtrail.avro.event.SealChecked;
import io.sealtrail.avro.event.Shipped;
import io.sealtrail.avro.event.Unpacked;
import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.epcis.Identifiers;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Shapes of what happens to a container or a shipment: seals, packing, shipping, receiving. */
final class LogisticsShapes {
  private LogisticsShapes() {}

  static void register(Map<EventType, Function<VerifiedEvent, List<EpcisEvent>>> shapes) {
    shapes.put(EventType.SEAL_APPLIED, v -> List.of(sealApplied(v)));
    shapes.put(EventType.SEAL_CHECKED, v -> List.of(sealChecked(v)));
    shapes.put(EventType.PACKED, v -> List.of(packed(v)));
    shapes.put(EventType.UNPACKED, v -> List.of(unpacked(v)));
    shapes.put(EventType.SHIPPED, v -> List.of(shipped(v)));
    shapes.put(EventType.RECEIVED, v -> List.of(received(v)));
  }

  private static EpcisEvent sealApplied(VerifiedEvent v) {
    return objectEvent(v, "OBSERVE", "packing", "container_closed")
        .ext("sealId", detail(v, SealApplied.class).getSealId());
  }

  /**
   * CBV {@code inspecting} covers checking tamper-evident seals; a broken one is container_open.
   */
  private static EpcisEvent sealChecked(VerifiedEvent v) {
    SealChecked d = detail(v, SealChecked.class);
    return objectEvent(v, "OBSERVE", "inspecting", d.getIntact() ? "conformant" : "container_open")
        .ext("sealId", d.getSealId())
        .ext("sealIntact", d.getIntact());
  }

  /**
   * Packing makes an aggregation (ADD); packing nothing cannot be one (the schema wants a child for
   * ADD), so it is the container seen at packing, with no seal id (which is what tells it from
   * SEAL_APPLIED).
   */
  private static EpcisEvent packed(VerifiedEvent v) {
    List<String> contents = detail(v, Packed.class).getContents();
    if (contents.isEmpty()) {
      return objectEvent(v, "OBSERVE", "packing", "in_progress");
    }
    return aggregation(v, "ADD", "packing", "in_progress", contents);
  }

  /**
   * Unpacking removes the aggregation (DELETE). Whether the contents match is the stream's finding
   * (MANIFEST_MISMATCH), not the report's, so no completeness disposition is claimed.
   */
  private static EpcisEvent unpacked(VerifiedEvent v) {
    return aggregation(v, "DELETE", "unpacking", null, detail(v, Unpacked.class).getContents());
  }

  private static EpcisEvent shipped(VerifiedEvent v) {
    Shipped d = detail(v, Shipped.class);
    EpcisEvent event = observed(v, "shipping", "in_transit", d.getManifest());
    shipment(event, d.getShipmentId());
    return event
        .party("sourceList", "source", "location", Identifiers.site(v.getEvent().getSite()))
        .party("destinationList", "destination", "location", Identifiers.site(d.getToSite()))
        .ext("sealId", d.getSealId());
  }

  /**
   * A receipt with its seal intact and nothing scanned infers the contents complete without
   * unpacking: persistentDisposition {@code completeness_inferred} (children are then not listed).
   */
  private static EpcisEvent received(VerifiedEvent v) {
    Received d = detail(v, Received.class);
    EpcisEvent event = observed(v, "receiving", "in_progress", d.getScanned());
    if (d.getScanned().isEmpty() && Boolean.TRUE.equals(d.getSealIntact())) {
      ObjectNode persistent = EpcisEvent.JSON.objectNode();
      persistent.putArray("set").add("completeness_inferred");
      event.put("persistentDisposition", persistent);
    }
    shipment(event, d.getShipmentId());
    return event
        .party("sourceList", "source", "location", Identifiers.site(d.getFromSite()))
        .party(
            "destinationList", "destination", "location", Identifiers.site(v.getEvent().getSite()))
        .ext("sealId", d.getSealId())
        .ext("sealIntact", d.getSealIntact());
  }

  /** The subject seen with what it carries (AggregationEvent OBSERVE), or alone (ObjectEvent). */
  private static EpcisEvent observed(
      VerifiedEvent v, String bizStep, String disposition, List<String> carried) {
    if (carried.isEmpty()) {
      return objectEvent(v, "OBSERVE", bizStep, disposition);
    }
    return aggregation(v, "OBSERVE", bizStep, disposition, carried);
  }

  private static EpcisEvent aggregation(
      VerifiedEvent v, String action, String bizStep, String disposition, List<String> children) {
    EpcisEvent event =
        base(v, "", AGGREGATION, action, bizStep, disposition)
            .put("parentID", Identifiers.serial(v.getEvent().getSubject()));
    if (!children
        .isEmpty()) { // DELETE with no child: the schema allows it, a list must not be empty
      event.uris("childEPCs", children.stream().map(Identifiers::serial).toList());
    }
    return event;
  }

  private static void shipment(EpcisEvent event, String shipmentId) {
    ObjectNode despatchAdvice =
        EpcisEvent.JSON
            .objectNode()
            .put("type", "desadv")
            .put("bizTransaction", Identifiers.shipment(shipmentId));
    event.put("bizTransactionList", EpcisEvent.JSON.arrayNode().add(despatchAdvice));
  }
}
