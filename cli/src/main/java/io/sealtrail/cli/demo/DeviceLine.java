package io.sealtrail.cli.demo;

import static io.sealtrail.cli.demo.EventFactory.detail;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Base64;

/**
 * A device's life on the factory line: assembled from its lots, its key provisioned, the current
 * release flashed with the approver's co-signature, tested by attestation, and sealed.
 */
record DeviceLine(DemoCast cast, EventFactory f, Chain chain) {
  static final Duration PROVISIONING = Duration.ofMinutes(20);
  static final Duration FLASHING = Duration.ofMinutes(40);
  static final Duration TESTING = Duration.ofMinutes(60);
  static final Duration SEALING = Duration.ofMinutes(80);

  void build(Device d, boolean sealed) {
    String s = d.serial();
    ObjectNode assembled = detail().put("product", Firmware.PRODUCT).put("bomRevision", "R3");
    ArrayNode parts = assembled.putArray("components");
    for (int p = 0; p < Components.PARTS.size(); p++) {
      parts.addObject().put("partNumber", Components.PARTS.get(p)).put("lot", d.lots().get(p));
    }
    String asm = "ASM-" + (d.index() % 3 + 1);
    chain.add(
        f.event(cast.assembly(), "ASSEMBLED", Sites.FACTORY, asm, s, d.assembledAt(), assembled));
    ObjectNode key = detail().put("keyAlg", "ED25519").put("secureElement", "ATECC608B");
    key.put("publicKey", Base64.getEncoder().encodeToString(d.key().subjectPublicKeyInfo()));
    String prov = "PROV-" + (d.index() % 2 + 1);
    chain.add(
        s + "/key",
        f.event(
            cast.provisioning(),
            "KEY_PROVISIONED",
            Sites.FACTORY,
            prov,
            s,
            at(d, PROVISIONING),
            key));
    chain.add(s + "/flash", flash(d, Firmware.CURRENT, FLASHING));
    ObjectNode test =
        EventFactory.attestation(s, d.key(), 1, Firmware.goodMeasurement(Firmware.CURRENT), true);
    chain.add(
        s + "/test",
        f.event(
            cast.flashing(), "ATTESTED", Sites.FACTORY, d.testStation(), s, at(d, TESTING), test));
    if (sealed) {
      ObjectNode seal = detail().put("sealId", "SEAL-" + s);
      chain.add(
          f.event(
              cast.assembly(), "SEAL_APPLIED", Sites.FACTORY, "PACK-1", s, at(d, SEALING), seal));
    }
  }

  /** A flash of {@code version} with the approver's co-signature, {@code after} assembly. */
  DemoEvent flash(Device d, String version, Duration after) {
    ObjectNode fw = detail().put("product", Firmware.PRODUCT).put("version", version);
    fw.put("imageSha256", Firmware.image(version));
    String station = "FLASH-" + (d.index() % 2 + 1);
    return f.event(
        cast.flashing(),
        "FIRMWARE_FLASHED",
        Sites.FACTORY,
        station,
        d.serial(),
        at(d, after),
        fw,
        cast.approver());
  }

  static java.time.Instant at(Device d, Duration after) {
    return d.assembledAt().plus(after);
  }
}
