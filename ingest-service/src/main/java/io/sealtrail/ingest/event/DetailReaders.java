package io.sealtrail.ingest.event;

import io.sealtrail.avro.common.AttestationResult;
import io.sealtrail.avro.common.ComponentRef;
import io.sealtrail.avro.common.EventType;
import io.sealtrail.avro.event.Assembled;
import io.sealtrail.avro.event.Attested;
import io.sealtrail.avro.event.Commissioned;
import io.sealtrail.avro.event.ComponentReceived;
import io.sealtrail.avro.event.Decommissioned;
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
import io.sealtrail.avro.event.Unpacked;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Reads the {@code detail} object of each event type into its Avro record. */
final class DetailReaders {

  private static final int SHA256_BYTES = 32;
  private static final Map<EventType, Function<JsonFields, Object>> READERS =
      new EnumMap<>(EventType.class);

  static {
    READERS.put(EventType.COMPONENT_RECEIVED, DetailReaders::componentReceived);
    READERS.put(EventType.ASSEMBLED, DetailReaders::assembled);
    READERS.put(EventType.KEY_PROVISIONED, DetailReaders::keyProvisioned);
    READERS.put(EventType.FIRMWARE_RELEASED, DetailReaders::firmwareReleased);
    READERS.put(EventType.FIRMWARE_FLASHED, d -> firmware(d, FirmwareFlashed::new));
    READERS.put(
        EventType.SEAL_APPLIED, d -> new SealApplied(d.only(Set.of("sealId")).text("sealId")));
    READERS.put(EventType.SEAL_CHECKED, DetailReaders::sealChecked);
    READERS.put(EventType.PACKED, d -> new Packed(d.only(Set.of("contents")).texts("contents")));
    READERS.put(
        EventType.UNPACKED, d -> new Unpacked(d.only(Set.of("contents")).texts("contents")));
    READERS.put(EventType.SHIPPED, DetailReaders::shipped);
    READERS.put(EventType.RECEIVED, DetailReaders::received);
    READERS.put(EventType.SCANNED, DetailReaders::scanned);
    READERS.put(EventType.ATTESTED, DetailReaders::attested);
    READERS.put(
        EventType.COMMISSIONED, d -> new Commissioned(d.only(Set.of("customer")).text("customer")));
    READERS.put(
        EventType.DECOMMISSIONED, d -> new Decommissioned(d.only(Set.of("reason")).text("reason")));
    READERS.put(EventType.FIRMWARE_WITHDRAWN, DetailReaders::firmwareWithdrawn);
  }

  private DetailReaders() {}

  static Object read(EventType type, JsonFields detail) {
    return READERS.get(type).apply(detail);
  }

  private static ComponentReceived componentReceived(JsonFields d) {
    d.only(Set.of("partNumber", "lot", "supplier", "certificateSha256"));
    return new ComponentReceived(
        d.text("partNumber"),
        d.text("lot"),
        d.text("supplier"),
        d.optionalHex("certificateSha256", SHA256_BYTES));
  }

  private static Assembled assembled(JsonFields d) {
    d.only(Set.of("product", "bomRevision", "components"));
    return new Assembled(d.text("product"), d.text("bomRevision"), components(d));
  }

  private static java.util.List<ComponentRef> components(JsonFields d) {
    return d.array(
        "components",
        (node, at) -> {
          JsonFields c = JsonFields.of(node, at).only(Set.of("partNumber", "serial", "lot"));
          return new ComponentRef(c.text("partNumber"), c.optionalText("serial"), c.text("lot"));
        });
  }

  private static KeyProvisioned keyProvisioned(JsonFields d) {
    d.only(Set.of("publicKey", "keyAlg", "secureElement"));
    String alg = d.text("keyAlg");
    if (!alg.equals("ED25519") && !alg.equals("ECDSA_P256")) {
      throw new SchemaViolation(d.at("keyAlg"), "must be ED25519 or ECDSA_P256");
    }
    return new KeyProvisioned(d.base64("publicKey"), alg, d.optionalText("secureElement"));
  }

  private interface FirmwareFactory<T> {
    T create(String product, String version, String imageSha256);
  }

  private static <T> T firmware(JsonFields d, FirmwareFactory<T> factory) {
    d.only(Set.of("product", "version", "imageSha256"));
    return image(d, factory);
  }

  private static <T> T image(JsonFields d, FirmwareFactory<T> factory) {
    return factory.create(d.text("product"), d.text("version"), d.hex("imageSha256", SHA256_BYTES));
  }

  /** A release, with the measurements a device running it may attest (lowercase hex SHA-256). */
  private static FirmwareReleased firmwareReleased(JsonFields d) {
    d.only(Set.of("product", "version", "imageSha256", "expectedMeasurements"));
    FirmwareReleased release = image(d, (p, v, i) -> new FirmwareReleased(p, v, i, null));
    if (!d.isAbsent("expectedMeasurements")) {
      release.setExpectedMeasurements(d.hexes("expectedMeasurements", SHA256_BYTES));
    }
    return release;
  }

  /** A release taken back, and why. */
  private static FirmwareWithdrawn firmwareWithdrawn(JsonFields d) {
    d.only(Set.of("product", "version", "imageSha256", "reason"));
    return image(d, (p, v, i) -> new FirmwareWithdrawn(p, v, i, d.text("reason")));
  }

  private static SealChecked sealChecked(JsonFields d) {
    d.only(Set.of("sealId", "intact"));
    return new SealChecked(d.text("sealId"), d.bool("intact"));
  }

  private static Shipped shipped(JsonFields d) {
    d.only(Set.of("shipmentId", "toSite", "manifest", "sealId"));
    return new Shipped(
        d.text("shipmentId"), d.text("toSite"), d.texts("manifest"), d.optionalText("sealId"));
  }

  private static Received received(JsonFields d) {
    d.only(Set.of("shipmentId", "fromSite", "scanned", "sealId", "sealIntact"));
    return new Received(
        d.text("shipmentId"),
        d.text("fromSite"),
        d.texts("scanned"),
        d.optionalText("sealId"),
        d.optionalBool("sealIntact"));
  }

  private static Scanned scanned(JsonFields d) {
    d.only(Set.of("components"));
    return new Scanned(d.isAbsent("components") ? null : components(d));
  }

  private static Attested attested(JsonFields d) {
    d.only(Set.of("nonce", "measurementSha256", "counter", "quote", "result"));
    return new Attested(
        d.hex("nonce", 0),
        d.hex("measurementSha256", SHA256_BYTES),
        d.nonNegativeLong("counter"),
        d.base64("quote"),
        verdict(d));
  }

  private static AttestationResult verdict(JsonFields d) {
    String result = d.text("result");
    try {
      return AttestationResult.valueOf(result);
    } catch (IllegalArgumentException e) {
      throw new SchemaViolation(d.at("result"), "must be PASS or FAIL");
    }
  }
}
