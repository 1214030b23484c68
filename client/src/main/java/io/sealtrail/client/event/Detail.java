package io.sealtrail.client.event;

import static io.sealtrail.client.event.Fields.putComponents;
import static io.sealtrail.client.event.Fields.putOptional;
import static io.sealtrail.client.event.Fields.putSerials;
import static io.sealtrail.client.event.Fields.require;
import static io.sealtrail.client.event.Fields.requireHex;
import static io.sealtrail.client.event.Fields.requireSerials;
import static io.sealtrail.client.event.Fields.requireSha256;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.List;

/**
 * The {@code detail} of a custody event, one record per event type of the partner contract; the
 * record decides the event's {@code type}. Optional fields are null and left out of the JSON.
 */
public sealed interface Detail {
  /** The contract's name of the event type, e.g. {@code SEAL_CHECKED}. */
  String type();

  /** Writes the fields of this detail, in the contract's order, into {@code node}. */
  void writeTo(ObjectNode node);

  /** A component or lot arrived; {@code certificateSha256} (hex) may be null. */
  record ComponentReceived(String partNumber, String lot, String supplier, String certificateSha256)
      implements Detail {
    public ComponentReceived {
      require(partNumber, "partNumber");
      require(lot, "lot");
      require(supplier, "supplier");
      if (certificateSha256 != null) {
        requireHex(certificateSha256, "certificateSha256");
      }
    }

    @Override
    public String type() {
      return "COMPONENT_RECEIVED";
    }

    @Override
    public void writeTo(ObjectNode node) {
      node.put("partNumber", partNumber).put("lot", lot).put("supplier", supplier);
      putOptional(node, "certificateSha256", certificateSha256);
    }
  }

  /** A device was built from {@code components}. */
  record Assembled(String product, String bomRevision, List<Component> components)
      implements Detail {
    public Assembled {
      require(product, "product");
      require(bomRevision, "bomRevision");
      components = List.copyOf(components);
    }

    @Override
    public String type() {
      return "ASSEMBLED";
    }

    @Override
    public void writeTo(ObjectNode node) {
      node.put("product", product).put("bomRevision", bomRevision);
      putComponents(node, components);
    }
  }

  /**
   * A device key was provisioned: {@code publicKey} is its DER SubjectPublicKeyInfo, {@code keyAlg}
   * {@code ED25519} or {@code ECDSA_P256}; {@code secureElement} may be null.
   */
  record KeyProvisioned(byte[] publicKey, String keyAlg, String secureElement) implements Detail {
    public KeyProvisioned {
      if (publicKey == null || publicKey.length == 0) {
        throw new IllegalArgumentException("publicKey is required");
      }
      publicKey = publicKey.clone();
      if (!"ED25519".equals(keyAlg) && !"ECDSA_P256".equals(keyAlg)) {
        throw new IllegalArgumentException("keyAlg must be ED25519 or ECDSA_P256");
      }
    }

    @Override
    public byte[] publicKey() {
      return publicKey.clone();
    }

    @Override
    public String type() {
      return "KEY_PROVISIONED";
    }

    @Override
    public void writeTo(ObjectNode node) {
      node.put("publicKey", Base64.getEncoder().encodeToString(publicKey)).put("keyAlg", keyAlg);
      putOptional(node, "secureElement", secureElement);
    }
  }

  /**
   * A firmware image was released; needs two release-manager signatures. {@code
   * expectedMeasurements} (64 lowercase hex digits each) are the measurements a device running the
   * image may attest: an attestation with another raises MEASUREMENT_MISMATCH. Null: the release is
   * not appraised; when given, at least one.
   */
  record FirmwareReleased(
      String product, String version, String imageSha256, List<String> expectedMeasurements)
      implements Detail {
    public FirmwareReleased {
      Fields.requireFirmware(product, version, imageSha256);
      if (expectedMeasurements != null) {
        expectedMeasurements = List.copyOf(expectedMeasurements);
        if (expectedMeasurements.isEmpty()) {
          throw new IllegalArgumentException(
              "expectedMeasurements must list at least one, or be left out");
        }
        expectedMeasurements.forEach(m -> requireSha256(m, "expectedMeasurements entry"));
      }
    }

    /** A release whose attestations are not appraised. */
    public FirmwareReleased(String product, String version, String imageSha256) {
      this(product, version, imageSha256, null);
    }

    @Override
    public String type() {
      return "FIRMWARE_RELEASED";
    }

    @Override
    public void writeTo(ObjectNode node) {
      Fields.putFirmware(node, product, version, imageSha256);
      if (expectedMeasurements != null) {
        putSerials(node, "expectedMeasurements", expectedMeasurements);
      }
    }
  }

  /** A device was flashed; signed by the station and co-signed by an approver. */
  record FirmwareFlashed(String product, String version, String imageSha256) implements Detail {
    public FirmwareFlashed {
      Fields.requireFirmware(product, version, imageSha256);
    }

    @Override
    public String type() {
      return "FIRMWARE_FLASHED";
    }

    @Override
    public void writeTo(ObjectNode node) {
      Fields.putFirmware(node, product, version, imageSha256);
    }
  }

  /** A seal was applied to the subject. */
  record SealApplied(String sealId) implements Detail {
    public SealApplied {
      require(sealId, "sealId");
    }

    @Override
    public String type() {
      return "SEAL_APPLIED";
    }

    @Override
    public void writeTo(ObjectNode node) {
      node.put("sealId", sealId);
    }
  }

  /** A seal was checked, intact or not. */
  record SealChecked(String sealId, boolean intact) implements Detail {
    public SealChecked {
      require(sealId, "sealId");
    }

    @Override
    public String type() {
      return "SEAL_CHECKED";
    }

    @Override
    public void writeTo(ObjectNode node) {
      node.put("sealId", sealId).put("intact", intact);
    }
  }

  /** Serials were packed into the subject (a container). */
  record Packed(List<String> contents) implements Detail {
    public Packed {
      contents = requireSerials(contents, "contents");
    }

    @Override
    public String type() {
      return "PACKED";
    }

    @Override
    public void writeTo(ObjectNode node) {
      putSerials(node, "contents", contents);
    }
  }

  /** Serials were found when the subject (a container) was unpacked. */
  record Unpacked(List<String> contents) implements Detail {
    public Unpacked {
      contents = requireSerials(contents, "contents");
    }

    @Override
    public String type() {
      return "UNPACKED";
    }

    @Override
    public void writeTo(ObjectNode node) {
      putSerials(node, "contents", contents);
    }
  }

  /** The subject left for {@code toSite}; {@code sealId} may be null. */
  record Shipped(String shipmentId, String toSite, List<String> manifest, String sealId)
      implements Detail {
    public Shipped {
      require(shipmentId, "shipmentId");
      require(toSite, "toSite");
      manifest = requireSerials(manifest, "manifest");
    }

    @Override
    public String type() {
      return "SHIPPED";
    }

    @Override
    public void writeTo(ObjectNode node) {
      node.put("shipmentId", shipmentId).put("toSite", toSite);
      putSerials(node, "manifest", manifest);
      putOptional(node, "sealId", sealId);
    }
  }

  /**
   * The subject arrived from {@code fromSite}; {@code sealId} and {@code sealIntact} may be null.
   */
  record Received(
      String shipmentId, String fromSite, List<String> scanned, String sealId, Boolean sealIntact)
      implements Detail {
    public Received {
      require(shipmentId, "shipmentId");
      require(fromSite, "fromSite");
      scanned = requireSerials(scanned, "scanned");
    }

    @Override
    public String type() {
      return "RECEIVED";
    }

    @Override
    public void writeTo(ObjectNode node) {
      node.put("shipmentId", shipmentId).put("fromSite", fromSite);
      putSerials(node, "scanned", scanned);
      putOptional(node, "sealId", sealId);
      if (sealIntact != null) {
        node.put("sealIntact", sealIntact);
      }
    }
  }

  /** The subject was scanned; {@code components} (null when not inspected) lists what was found. */
  record Scanned(List<Component> components) implements Detail {
    public Scanned {
      components = components == null ? null : List.copyOf(components);
    }

    /** A plain scan, no inspection. */
    public static Scanned plain() {
      return new Scanned(null);
    }

    @Override
    public String type() {
      return "SCANNED";
    }

    @Override
    public void writeTo(ObjectNode node) {
      if (components != null) {
        putComponents(node, components);
      }
    }
  }

  /**
   * A device answered an attestation challenge; {@code quote} is the device key's signature (see
   * {@code io.sealtrail.trust.quote.AttestationQuote}).
   */
  record Attested(
      String nonce, String measurementSha256, long counter, byte[] quote, boolean passed)
      implements Detail {
    public Attested {
      requireHex(nonce, "nonce");
      requireSha256(measurementSha256, "measurementSha256");
      if (counter < 0) {
        throw new IllegalArgumentException("counter must be >= 0");
      }
      if (quote == null || quote.length == 0) {
        throw new IllegalArgumentException("quote is required");
      }
      quote = quote.clone();
    }

    @Override
    public byte[] quote() {
      return quote.clone();
    }

    @Override
    public String type() {
      return "ATTESTED";
    }

    @Override
    public void writeTo(ObjectNode node) {
      node.put("nonce", nonce)
          .put("measurementSha256", measurementSha256)
          .put("counter", counter)
          .put("quote", Base64.getEncoder().encodeToString(quote))
          .put("result", passed ? "PASS" : "FAIL");
    }
  }

  /** The device went into service at {@code customer}. */
  record Commissioned(String customer) implements Detail {
    public Commissioned {
      require(customer, "customer");
    }

    @Override
    public String type() {
      return "COMMISSIONED";
    }

    @Override
    public void writeTo(ObjectNode node) {
      node.put("customer", customer);
    }
  }

  /** The device was taken out of service. */
  record Decommissioned(String reason) implements Detail {
    public Decommissioned {
      require(reason, "reason");
    }

    @Override
    public String type() {
      return "DECOMMISSIONED";
    }

    @Override
    public void writeTo(ObjectNode node) {
      node.put("reason", reason);
    }
  }

  /** A release was withdrawn: later flashes of the image are unauthorized; two signatures. */
  record FirmwareWithdrawn(String product, String version, String imageSha256, String reason)
      implements Detail {
    public FirmwareWithdrawn {
      Fields.requireFirmware(product, version, imageSha256);
      require(reason, "reason");
    }

    @Override
    public String type() {
      return "FIRMWARE_WITHDRAWN";
    }

    @Override
    public void writeTo(ObjectNode node) {
      Fields.putFirmware(node, product, version, imageSha256);
      node.put("reason", reason);
    }
  }
}
