package io.sealtrail.epcis.testing;

import io.sealtrail.avro.common.AttestationResult;
import io.sealtrail.avro.common.ComponentRef;
import io.sealtrail.avro.common.EventType;
import io.sealtrail.avro.common.SubmissionChannel;
import io.sealtrail.avro.event.Assembled;
import io.sealtrail.avro.event.Attested;
import io.sealtrail.avro.event.Commissioned;
import io.sealtrail.avro.event.ComponentReceived;
import io.sealtrail.avro.event.CustodyEvent;
import io.sealtrail.avro.event.Decommissioned;
import io.sealtrail.avro.event.EnvelopeSignature;
import io.sealtrail.avro.event.FirmwareFlashed;
import io.sealtrail.avro.event.FirmwareReleased;
import io.sealtrail.avro.event.FirmwareWithdrawn;
import io.sealtrail.avro.event.KeyProvisioned;
import io.sealtrail.avro.event.Packed;
import io.sealtrail.avro.event.Received;
import io.sealtrail.avro.event.Scanned;
import io.sealtrail.avro.event.SealApplied;
import io.sealtrail.avro.event.SealChecked;
import io.sealtrail.avro.event.Shipped;
import io.sealtrail.avro.event.SignedEnvelope;
import io.sealtrail.avro.event.Signer;
import io.sealtrail.avro.event.Unpacked;
import io.sealtrail.avro.event.VerifiedEvent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * Custody events of every type, as custody-stream holds them ({@link VerifiedEvent}: the event, its
 * envelope whose payload is the partner's JSON, and the signer), with named instants.
 */
public final class Fixtures {
  public static final Instant T0 = Instant.parse("2026-03-02T09:04:12.345Z");
  public static final Instant RECEIVED_AT = Instant.parse("2026-03-02T09:04:13Z");
  public static final String KEY_ID = "a".repeat(64);
  public static final byte[] DEVICE_KEY =
      HexFormat.of().parseHex("302a300506032b6570032100" + "11".repeat(32));

  private Fixtures() {}

  /** The event as ingest would have written it to custody.events. */
  public static VerifiedEvent verified(CustodyEvent event) {
    byte[] payload = PartnerJson.of(event).toString().getBytes(StandardCharsets.UTF_8);
    SignedEnvelope envelope =
        new SignedEnvelope(
            "application/vnd.sealtrail.event+json",
            ByteBuffer.wrap(payload),
            List.of(new EnvelopeSignature(KEY_ID, ByteBuffer.wrap(new byte[] {1, 2, 3}))));
    return new VerifiedEvent(
        event,
        envelope,
        sha256(payload),
        List.of(new Signer(KEY_ID, event.getPartnerId(), List.of("MANUFACTURER"))),
        RECEIVED_AT,
        SubmissionChannel.HTTP);
  }

  public static CustodyEvent event(EventType type, String subject, Object detail) {
    return CustodyEvent.newBuilder()
        .setEventId("acme-" + type.name().toLowerCase() + "-" + subject)
        .setType(type)
        .setOccurredAt(T0)
        .setPartnerId("acme")
        .setSite("plant-1")
        .setStation("line-2")
        .setOperator(null)
        .setSubject(subject)
        .setDetail(detail)
        .build();
  }

  /** One event of every custody event type, in a plausible order. */
  public static List<CustodyEvent> everyType() {
    ComponentRef chip = new ComponentRef("PN-CHIP", "CHIP-7", "L-2026-11");
    ComponentRef screw = new ComponentRef("PN-SCREW", null, "L-9");
    return List.of(
        event(
            EventType.COMPONENT_RECEIVED,
            "L-2026-11",
            new ComponentReceived("PN-CHIP", "L-2026-11", "chipco", "b".repeat(64))),
        event(
            EventType.COMPONENT_RECEIVED,
            "CHIP-7",
            new ComponentReceived("PN-CHIP", "L-2026-11", "chipco", null)),
        event(
            EventType.ASSEMBLED,
            "SN-0001",
            new Assembled("widget", "B3", List.of(chip, screw, screw))),
        event(
            EventType.KEY_PROVISIONED,
            "SN-0001",
            new KeyProvisioned(ByteBuffer.wrap(DEVICE_KEY), "ED25519", "SE050")),
        event(
            EventType.FIRMWARE_RELEASED,
            "widget",
            new FirmwareReleased(
                "widget", "1.2.0", "c".repeat(64), List.of("d".repeat(64), "e".repeat(64)))),
        event(
            EventType.FIRMWARE_FLASHED,
            "SN-0001",
            new FirmwareFlashed("widget", "1.2.0", "c".repeat(64))),
        event(
            EventType.ATTESTED,
            "SN-0001",
            new Attested(
                "0a0b",
                "d".repeat(64),
                7L,
                ByteBuffer.wrap(new byte[] {9, 9}),
                AttestationResult.PASS)),
        event(EventType.SCANNED, "SN-0001", new Scanned(List.of(chip, screw))),
        event(EventType.PACKED, "CTN-42", new Packed(List.of("SN-0001", "SN-0002"))),
        event(EventType.SEAL_APPLIED, "CTN-42", new SealApplied("SEAL-1")),
        event(
            EventType.SHIPPED,
            "CTN-42",
            new Shipped("SHP-1", "dock-3", List.of("SN-0001", "SN-0002"), "SEAL-1")),
        event(
            EventType.RECEIVED,
            "CTN-42",
            new Received("SHP-1", "plant-1", List.of(), "SEAL-1", true)),
        event(EventType.SEAL_CHECKED, "CTN-42", new SealChecked("SEAL-1", false)),
        event(EventType.UNPACKED, "CTN-42", new Unpacked(List.of("SN-0001"))),
        event(EventType.COMMISSIONED, "SN-0001", new Commissioned("customer-9")),
        event(EventType.DECOMMISSIONED, "SN-0001", new Decommissioned("end of life")),
        event(
            EventType.FIRMWARE_WITHDRAWN,
            "widget",
            new FirmwareWithdrawn("widget", "1.2.0", "c".repeat(64), "CVE-2026-0001")));
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
