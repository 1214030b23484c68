package io.sealtrail.epcis.capture;

import io.sealtrail.avro.common.EventType;
import io.sealtrail.epcis.Vocabulary;
import java.util.Optional;

/**
 * Which custody event an EPCIS event means, from its type, action and business step (the inverse of
 * the export shapes, reference §3); extensions only tell apart the custody types that share a step
 * (an inspection of a seal, of an attestation, or of the parts). Empty for the parts of an
 * assembly, which belong to the device's commissioning event.
 */
final class Classifier {
  private Classifier() {}

  static Optional<EventType> classify(EventFields f, String type, String action, String bizStep) {
    EventType custody =
        switch (type) {
          case "ObjectEvent" -> objectEvent(f, action, bizStep);
          case "AggregationEvent" -> {
            EventType aggregation = aggregationEvent(action, bizStep);
            yield aggregation != null ? aggregation : unmappable(f, type, action, bizStep);
          }
          case "AssociationEvent" -> {
            if (action.equals("ADD") && "assembling".equals(bizStep)) {
              yield null;
            }
            yield action.equals("OBSERVE") && (bizStep == null || bizStep.equals("inspecting"))
                ? EventType.SCANNED
                : unmappable(f, type, action, bizStep);
          }
          case "TransformationEvent", "TransactionEvent" ->
              throw new CaptureException(
                  RejectionCode.UNSUPPORTED_EVENT_TYPE,
                  f.at("type"),
                  "no custody event type matches a " + type);
          default ->
              throw new CaptureException(
                  RejectionCode.UNSUPPORTED_EVENT_TYPE,
                  f.at("type"),
                  "'" + type + "' is not an event type Sealtrail maps");
        };
    return Optional.ofNullable(custody);
  }

  private static EventType objectEvent(EventFields f, String action, String bizStep) {
    String step = bizStep == null ? "" : bizStep;
    EventType custody =
        switch (action + " " + step) {
          case "ADD commissioning" -> EventType.ASSEMBLED;
          case "DELETE decommissioning", "DELETE destroying" -> EventType.DECOMMISSIONED;
          case "OBSERVE " -> EventType.SCANNED;
          case "OBSERVE receiving" ->
              f.get("quantityList").isPresent() || f.ext("partNumber").isPresent()
                  ? EventType.COMPONENT_RECEIVED
                  : EventType.RECEIVED;
          case "OBSERVE shipping" -> EventType.SHIPPED;
          case "OBSERVE packing" ->
              f.ext("sealId").isPresent() ? EventType.SEAL_APPLIED : EventType.PACKED;
          case "OBSERVE inspecting" -> inspection(f);
          case "OBSERVE accepting" -> EventType.COMMISSIONED;
          case "OBSERVE " + Vocabulary.KEY_PROVISIONING -> EventType.KEY_PROVISIONED;
          case "OBSERVE " + Vocabulary.FIRMWARE_FLASHING -> EventType.FIRMWARE_FLASHED;
          case "OBSERVE " + Vocabulary.FIRMWARE_RELEASING -> EventType.FIRMWARE_RELEASED;
          case "OBSERVE " + Vocabulary.FIRMWARE_WITHDRAWING -> EventType.FIRMWARE_WITHDRAWN;
          default -> null;
        };
    return custody != null ? custody : unmappable(f, "ObjectEvent", action, bizStep);
  }

  private static EventType inspection(EventFields f) {
    if (f.ext("attestationVerdict").isPresent()) {
      return EventType.ATTESTED;
    }
    return f.ext("sealId").isPresent() ? EventType.SEAL_CHECKED : EventType.SCANNED;
  }

  private static EventType aggregationEvent(String action, String bizStep) {
    return switch (action + " " + bizStep) {
      case "ADD packing" -> EventType.PACKED;
      case "DELETE unpacking" -> EventType.UNPACKED;
      case "OBSERVE shipping" -> EventType.SHIPPED;
      case "OBSERVE receiving" -> EventType.RECEIVED;
      default -> null;
    };
  }

  private static EventType unmappable(EventFields f, String type, String action, String bizStep) {
    throw new CaptureException(
        RejectionCode.UNMAPPABLE_EVENT,
        bizStep == null ? f.at("action") : f.at("bizStep"),
        "no custody event type matches "
            + type
            + " "
            + action
            + (bizStep == null ? " without business step" : " with business step " + bizStep));
  }
}
