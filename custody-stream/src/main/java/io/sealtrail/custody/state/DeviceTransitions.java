package io.sealtrail.custody.state;

import io.sealtrail.avro.event.Attested;
import io.sealtrail.avro.event.Commissioned;
import io.sealtrail.avro.event.FirmwareFlashed;
import io.sealtrail.avro.event.KeyProvisioned;
import io.sealtrail.avro.state.CustodyState;
import io.sealtrail.avro.state.CustodyStatus;
import io.sealtrail.avro.state.DeviceKey;
import io.sealtrail.avro.state.InstalledFirmware;
import io.sealtrail.avro.state.SerialKind;
import io.sealtrail.custody.event.AvroBytes;
import io.sealtrail.custody.event.DeviceKeyIds;
import io.sealtrail.custody.event.Observation;
import java.nio.ByteBuffer;
import java.util.Set;

/** Transitions of the events only a device has: key, firmware, attestation, service life. */
final class DeviceTransitions {
  private static final Set<CustodyStatus> BEFORE_FACTORY =
      Set.of(CustodyStatus.UNKNOWN, CustodyStatus.ASSEMBLED);

  private DeviceTransitions() {}

  static void keyProvisioned(Observation e, CustodyState.Builder s, boolean late) {
    KeyProvisioned detail = e.detail(KeyProvisioned.class).orElseThrow();
    s.setDeviceKey(
        DeviceKey.newBuilder()
            .setKeyId(DeviceKeyIds.of(detail))
            .setKeyAlg(detail.getKeyAlg())
            .setPublicKey(ByteBuffer.wrap(AvroBytes.of(detail.getPublicKey())))
            .build());
    inFactory(s, late);
  }

  static void firmwareFlashed(Observation e, CustodyState.Builder s, boolean late) {
    FirmwareFlashed detail = e.detail(FirmwareFlashed.class).orElseThrow();
    InstalledFirmware installed = s.getFirmware();
    if (installed == null || !e.occurredAt().isBefore(installed.getFlashedAt())) {
      s.setFirmware(
          InstalledFirmware.newBuilder()
              .setProduct(detail.getProduct())
              .setVersion(detail.getVersion())
              .setImageSha256(detail.getImageSha256())
              .setFlashedAt(e.occurredAt())
              .build());
    }
    inFactory(s, late);
  }

  static void attested(Observation e, CustodyState.Builder s, boolean late) {
    Attested detail = e.detail(Attested.class).orElseThrow();
    Transitions.kind(s, SerialKind.DEVICE);
    if (s.getLastAttestedAt() == null || !e.occurredAt().isBefore(s.getLastAttestedAt())) {
      s.setAttestationCounter(detail.getCounter())
          .setLastAttestation(detail.getVerdict())
          .setLastAttestedAt(e.occurredAt());
    }
  }

  /**
   * The device goes into service for its customer. A commissioning reported after the device was
   * decommissioned names no customer: the device is out of the field for good.
   */
  static void commissioned(Observation e, CustodyState.Builder s, boolean late) {
    Transitions.kind(s, SerialKind.DEVICE);
    if (s.getStatus() != CustodyStatus.DECOMMISSIONED) {
      s.setCustomer(e.detail(Commissioned.class).orElseThrow().getCustomer());
    }
    Transitions.status(s, CustodyStatus.IN_SERVICE, late);
  }

  /**
   * Decommissioning is final, so even a late report of it sets the status; the device no longer
   * serves a customer (it leaves the fielded counts of the firmware inventory).
   */
  static void decommissioned(Observation e, CustodyState.Builder s, boolean late) {
    Transitions.kind(s, SerialKind.DEVICE);
    s.setStatus(CustodyStatus.DECOMMISSIONED).setCustomer(null);
  }

  private static void inFactory(CustodyState.Builder s, boolean late) {
    Transitions.kind(s, SerialKind.DEVICE);
    if (BEFORE_FACTORY.contains(s.getStatus())) {
      Transitions.status(s, CustodyStatus.IN_FACTORY, late);
    }
  }
}
