package io.sealtrail.cli.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealtrail.trust.crypto.Signer;
import io.sealtrail.trust.quote.AttestationQuote;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;

/** Writes the demo's event JSON in the partner contract's shape, numbering event ids per run. */
final class EventFactory {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String run;
  private int next;

  EventFactory(String run) {
    this.run = run;
  }

  /** An event by {@code by}, co-signed by {@code coSigners}; {@code station} may be null. */
  DemoEvent event(
      DemoPartner by,
      String type,
      String site,
      String station,
      String subject,
      Instant at,
      ObjectNode detail,
      DemoPartner... coSigners) {
    ObjectNode json = JSON.createObjectNode();
    json.put("eventId", String.format("ev-%s-%06d", run, ++next));
    json.put("type", type);
    json.put("occurredAt", at.truncatedTo(ChronoUnit.SECONDS).toString());
    json.put("partnerId", by.partnerId());
    json.put("site", site);
    if (station != null) {
      json.put("station", station);
    }
    json.put("subject", subject);
    json.set("detail", detail);
    DemoPartner[] signers = new DemoPartner[coSigners.length + 1];
    signers[0] = by;
    System.arraycopy(coSigners, 0, signers, 1, coSigners.length);
    return new DemoEvent(json, Signing.By.of(signers), at);
  }

  static ObjectNode detail() {
    return JSON.createObjectNode();
  }

  static ArrayNode texts(Collection<String> values) {
    ArrayNode array = JSON.createArrayNode();
    values.forEach(array::add);
    return array;
  }

  /** An ATTESTED detail with a real quote by {@code deviceKey}. */
  static ObjectNode attestation(
      String serial, Signer deviceKey, long counter, String measurement, boolean pass) {
    String nonce = sha256Hex(serial + "/" + counter).substring(0, 32);
    byte[] quote = new AttestationQuote(serial, nonce, measurement, counter).sign(deviceKey);
    ObjectNode detail = detail();
    detail.put("nonce", nonce);
    detail.put("measurementSha256", measurement);
    detail.put("counter", counter);
    detail.put("quote", Base64.getEncoder().encodeToString(quote));
    detail.put("result", pass ? "PASS" : "FAIL");
    return detail;
  }

  static String sha256Hex(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }
}
