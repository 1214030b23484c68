package io.sealtrail.cli.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealtrail.avro.common.AlertType;
import io.sealtrail.trust.crypto.Signer;
import io.sealtrail.trust.quote.AttestationQuote;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Changes to attestations: a failed measurement, or quotes signed by another device's key. */
final class Quotes {
  private final Chain chain;

  Quotes(Chain chain) {
    this.chain = chain;
  }

  /** {@code attested} failing: the device measured an unexpected boot chain and says so. */
  DemoEvent failed(DemoEvent attested, Device d) {
    return attested.edited(
        json -> {
          ObjectNode detail = (ObjectNode) json.get("detail");
          detail.put("measurementSha256", Firmware.badMeasurement(d.serial()));
          detail.put("result", "FAIL");
          requote(d.serial(), detail, d.key());
        });
  }

  /** {@code attested} with its quote signed by {@code key}. */
  static DemoEvent signedBy(DemoEvent attested, Signer key) {
    return attested.edited(
        json -> requote(attested.subject(), (ObjectNode) json.get("detail"), key));
  }

  /** Every factory test at one station fails for a run of devices: a bad fixture or an attack. */
  InjectedCase failureBurst(List<Device> burst, String supplier) {
    List<DemoEvent> failed = new ArrayList<>();
    for (Device d : burst) {
      failed.add(failed(chain.get(d.serial() + "/test"), d));
    }
    Set<InjectedCase.Consequence> ownFailures =
        burst.stream()
            .map(d -> new InjectedCase.Consequence(AlertType.ATTESTATION_FAILED, d.serial()))
            .collect(Collectors.toSet());
    // The same failures counted by the factory's site, their firmware, lots and supplier.
    Set<String> cohorts = new java.util.HashSet<>();
    cohorts.add(Sites.FACTORY);
    cohorts.add("firmware=" + Firmware.CURRENT);
    cohorts.add("supplier=" + supplier);
    burst.forEach(d -> d.lots().forEach(lot -> cohorts.add("lot=" + lot)));
    return new InjectedCase(
        "attestation-failure burst at one station",
        AlertType.ATTESTATION_FAILURE_SPIKE,
        "station=" + burst.get(0).testStation(),
        Twist.replacing(failed.toArray(DemoEvent[]::new)),
        failed.get(0).eventId(),
        cohorts,
        ownFailures);
  }

  /** Every ATTESTED of {@code d} in the chain, by name. */
  List<DemoEvent> attestationsOf(Device d) {
    List<DemoEvent> found = new ArrayList<>();
    for (String name : List.of("/test", "/field-2", "/field-3")) {
      chain.find(d.serial() + name).ifPresent(found::add);
    }
    return found;
  }

  DemoEvent provisioningOf(Device d) {
    return chain.get(d.serial() + "/key");
  }

  /** Signs {@code detail}'s quote again with {@code key}, after its fields were changed. */
  static void requote(String serial, ObjectNode detail, Signer key) {
    var quote =
        new AttestationQuote(
            serial,
            detail.get("nonce").asText(),
            detail.get("measurementSha256").asText(),
            detail.get("counter").asLong());
    detail.put("quote", Base64.getEncoder().encodeToString(quote.sign(key)));
  }
}
