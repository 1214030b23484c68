package io.sealtrail.log.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpStatus;
import io.sealtrail.evidence.bundle.EvidenceBundle;
import io.sealtrail.log.read.CheckpointFollower;
import io.sealtrail.log.read.LogReader;
import io.sealtrail.platform.http.Problem;
import io.sealtrail.platform.http.ProblemException;
import io.sealtrail.translog.merkle.Hash;
import io.sealtrail.translog.merkle.InclusionProof;
import io.sealtrail.trust.dsse.Envelope;
import io.sealtrail.trust.dsse.EnvelopeJson;
import io.sealtrail.trust.dsse.EnvelopeSignature;
import io.sealtrail.trust.json.StrictJson;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Assembles the evidence bundle of a serial or a lot: the log's latest checkpoint is pinned first
 * and every inclusion proof is of its tree; the events, their envelopes and chain come from
 * custody-stream's history, the signers' registrations from ingest, the alerts from anomaly-service
 * ({@link EvidenceSources}, with the caller's token). An event of the history that the pinned
 * checkpoint does not cover yet makes the bundle 503 with Retry-After: a bundle proves all of its
 * events or is not given.
 */
public final class EvidenceAssembler {
  private static final Base64.Decoder BASE64 = Base64.getDecoder();
  private static final Base64.Encoder BASE64_OUT = Base64.getEncoder();

  private final LogReader log;
  private final EvidenceSources sources;
  private final Duration checkpointInterval;
  private final Clock clock;

  public EvidenceAssembler(
      LogReader log, EvidenceSources sources, Duration checkpointInterval, Clock clock) {
    this.log = log;
    this.sources = sources;
    this.checkpointInterval = checkpointInterval;
    this.clock = clock;
  }

  /** The bundle of one serial; 404 when custody-stream never saw it. */
  public EvidenceBundle serial(String serial, EvidenceSources.Credentials caller) {
    CheckpointFollower.Latest head = log.head();
    JsonNode history =
        sources.history(serial, caller).orElseThrow(() -> notFound("serial", serial));
    Set<String> signers = new TreeSet<>();
    return bundle(
        "serial",
        serial,
        head,
        List.of(serialEvidence(serial, history, head, signers)),
        signers,
        caller);
  }

  /** The bundle of a lot: each device built with it, and the lot's own history if it has one. */
  public EvidenceBundle lot(String lot, EvidenceSources.Credentials caller) {
    CheckpointFollower.Latest head = log.head();
    JsonNode trace = sources.trace(lot, caller).orElseThrow(() -> notFound("lot", lot));
    Set<String> serials = new LinkedHashSet<>();
    serials.add(lot);
    trace.path("devices").forEach(device -> serials.add(device.path("serial").asText()));
    List<EvidenceBundle.SerialEvidence> evidence = new ArrayList<>();
    Set<String> signers = new TreeSet<>();
    for (String serial : serials) {
      sources
          .history(serial, caller)
          .ifPresent(history -> evidence.add(serialEvidence(serial, history, head, signers)));
    }
    return bundle("lot", lot, head, evidence, signers, caller);
  }

  private EvidenceBundle bundle(
      String kind,
      String id,
      CheckpointFollower.Latest head,
      List<EvidenceBundle.SerialEvidence> serials,
      Set<String> signers,
      EvidenceSources.Credentials caller) {
    List<EvidenceBundle.SerialEvidence> withAlerts = new ArrayList<>();
    for (EvidenceBundle.SerialEvidence s : serials) {
      List<JsonNode> alerts = new ArrayList<>();
      sources.alerts(s.serial(), caller).path("alerts").forEach(alerts::add);
      withAlerts.add(
          new EvidenceBundle.SerialEvidence(
              s.serial(), s.genesis(), s.head(), s.events(), s.quotes(), alerts));
    }
    List<EvidenceBundle.Partner> partners = new ArrayList<>();
    for (String partnerId : signers) {
      sources.partner(partnerId, caller).ifPresent(p -> partners.add(partner(p)));
    }
    return new EvidenceBundle(
        EvidenceBundle.FORMAT,
        new EvidenceBundle.Subject(kind, id),
        clock.instant().toString(),
        new EvidenceBundle.LogHead(log.key(), head.note()),
        partners,
        withAlerts);
  }

  /**
   * One serial's events from its history, each with its canonical envelope and its proof in the
   * pinned tree; adds the partners of every event and signer to {@code signers}.
   */
  private EvidenceBundle.SerialEvidence serialEvidence(
      String serial, JsonNode history, CheckpointFollower.Latest head, Set<String> signers) {
    List<EvidenceBundle.Event> events = new ArrayList<>();
    List<EvidenceBundle.Quote> quotes = new ArrayList<>();
    EvidenceBundle.DeviceKey deviceKey = null;
    for (JsonNode entry : history.path("events")) {
      JsonNode accepted = entry.path("event");
      String partnerId = accepted.at("/event/partnerId").asText();
      String eventId = accepted.at("/event/eventId").asText();
      signers.add(partnerId);
      accepted.path("signers").forEach(s -> signers.add(s.path("partnerId").asText()));
      Envelope envelope = envelope(accepted.path("envelope"));
      InclusionProof proof =
          log.inclusionIn(head, partnerId, eventId)
              .orElseThrow(() -> notYetLogged(partnerId, eventId, head.size()));
      events.add(
          new EvidenceBundle.Event(
              entry.path("sequence").asLong(),
              partnerId,
              eventId,
              accepted.path("receivedAt").asText(),
              BASE64_OUT.encodeToString(
                  EnvelopeJson.write(envelope).getBytes(StandardCharsets.UTF_8)),
              entry.path("chainHash").asText(),
              new EvidenceBundle.Inclusion(
                  proof.leafIndex(),
                  proof.treeSize(),
                  proof.leafHash().base64(),
                  proof.hashes().stream().map(Hash::base64).toList())));
      JsonNode payload = StrictJson.read(envelope.payload());
      if (!serial.equals(payload.path("subject").asText())) {
        continue; // a container's event: its quotes and keys are the container's
      }
      JsonNode detail = payload.path("detail");
      switch (payload.path("type").asText()) {
        case "KEY_PROVISIONED" ->
            deviceKey =
                new EvidenceBundle.DeviceKey(
                    eventId, detail.path("keyAlg").asText(), detail.path("publicKey").asText());
        case "ATTESTED" ->
            quotes.add(
                new EvidenceBundle.Quote(
                    eventId,
                    detail.path("nonce").asText(),
                    detail.path("measurementSha256").asText(),
                    detail.path("counter").asLong(),
                    detail.path("result").asText(),
                    detail.path("quote").asText(),
                    deviceKey));
        default -> {}
      }
    }
    return new EvidenceBundle.SerialEvidence(
        serial,
        history.path("genesis").asText(),
        history.path("chainHash").asText(),
        events,
        quotes,
        List.of());
  }

  /** The envelope as custody-stream's history answers it (payload and signatures in base64). */
  private static Envelope envelope(JsonNode json) {
    List<EnvelopeSignature> signatures = new ArrayList<>();
    for (JsonNode signature : json.path("signatures")) {
      JsonNode keyid = signature.get("keyid");
      signatures.add(
          new EnvelopeSignature(
              keyid == null || keyid.isNull() ? null : keyid.asText(),
              BASE64.decode(signature.path("sig").asText())));
    }
    return new Envelope(
        json.path("payloadType").asText(),
        BASE64.decode(json.path("payload").asText()),
        signatures);
  }

  /** A registration as ingest answers it; instants kept as the RFC 3339 text they are. */
  private static EvidenceBundle.Partner partner(JsonNode json) {
    List<String> roles = new ArrayList<>();
    json.path("roles").forEach(r -> roles.add(r.asText()));
    List<String> sites = new ArrayList<>();
    json.path("sites").forEach(s -> sites.add(s.asText()));
    List<EvidenceBundle.Key> keys = new ArrayList<>();
    for (JsonNode key : json.path("keys")) {
      keys.add(
          new EvidenceBundle.Key(
              key.path("keyid").asText(),
              key.path("algorithm").asText(),
              key.path("publicKey").asText(),
              instant(key.get("notBefore")),
              instant(key.get("notAfter")),
              instant(key.get("revokedAt"))));
    }
    return new EvidenceBundle.Partner(json.path("partnerId").asText(), roles, sites, keys);
  }

  private static String instant(JsonNode value) {
    return value == null || value.isNull() ? null : value.asText();
  }

  private EvidenceUnavailableException notYetLogged(String partnerId, String eventId, long size) {
    return new EvidenceUnavailableException(
        "evidence-not-yet-logged",
        "event "
            + eventId
            + " of "
            + partnerId
            + " is not yet in the log's latest checkpoint (size "
            + size
            + "); the next checkpoint covers it",
        checkpointInterval,
        null);
  }

  private static ProblemException notFound(String kind, String id) {
    return new ProblemException(
        Problem.of("not-found", "No such resource", HttpStatus.NOT_FOUND, "no " + kind + " " + id));
  }
}
