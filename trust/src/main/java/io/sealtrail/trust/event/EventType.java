package io.sealtrail.trust.event;

/** Every custody event type of the partner contract. */
public enum EventType {
  COMPONENT_RECEIVED,
  ASSEMBLED,
  KEY_PROVISIONED,
  FIRMWARE_RELEASED,
  FIRMWARE_FLASHED,
  SEAL_APPLIED,
  SEAL_CHECKED,
  PACKED,
  UNPACKED,
  SHIPPED,
  RECEIVED,
  SCANNED,
  ATTESTED,
  COMMISSIONED,
  DECOMMISSIONED
}
