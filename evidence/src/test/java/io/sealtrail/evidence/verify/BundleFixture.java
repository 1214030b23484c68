package io.sealtrail.evidence.verify;

import io.sealtrail.evidence.bundle.EvidenceBundle;
import io.sealtrail.translog.entry.AcceptedEventLeaf;
import io.sealtrail.translog.merkle.AppendableMerkleTree;
import io.sealtrail.translog.merkle.Hash;
import io.sealtrail.translog.merkle.InMemoryNodeStore;
import io.sealtrail.translog.merkle.InclusionProof;
import io.sealtrail.translog.note.Checkpoint;
import io.sealtrail.translog.note.NoteSigner;
import io.sealtrail.trust.crypto.KeyAlgorithm;
import io.sealtrail.trust.crypto.KeyPairs;
import io.sealtrail.trust.crypto.Pem;
import io.sealtrail.trust.crypto.Signer;
import io.sealtrail.trust.crypto.Signers;
import io.sealtrail.trust.dsse.EnvelopeJson;
import io.sealtrail.trust.dsse.EnvelopeSigner;
import io.sealtrail.trust.quote.AttestationQuote;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Builds genuine bundles without a platform: one partner's events about {@code DEV-1}, each signed,
 * appended to an in-memory log whose checkpoint is signed with a test key, chained as
 * custody-stream chains them.
 */
final class BundleFixture {
  static final String SERIAL = "DEV-1";
  static final Instant FIRST_RECEIPT = Instant.parse("2026-12-01T10:00:00Z");
  private static final SecureRandom RANDOM = new SecureRandom();

  final NoteSigner log = NoteSigner.generate("test.example/log");
  final Signer acme = key();
  final Signer device = key();
  private final List<String> payloads = new ArrayList<>();
  private String revokedAt;

  static Signer key() {
    return Signers.forKey(KeyPairs.generate(KeyAlgorithm.ED25519, RANDOM).privateKeyPkcs8());
  }

  /** An event of acme about DEV-1; {@code extra} is more top-level JSON fields, or empty. */
  BundleFixture event(String eventId, String type, String detail, String extra) {
    payloads.add(
        "{\"eventId\":\""
            + eventId
            + "\",\"type\":\""
            + type
            + "\",\"occurredAt\":\"2026-12-01T09:00:00Z\",\"partnerId\":\"acme\",\"site\":\"f-1\","
            + "\"subject\":\""
            + SERIAL
            + "\",\"detail\":"
            + detail
            + extra
            + "}");
    return this;
  }

  BundleFixture sealed(String eventId, String extra) {
    return event(eventId, "SEAL_APPLIED", "{\"sealId\":\"S-1\"}", extra);
  }

  BundleFixture provisioned(String eventId) {
    return event(
        eventId,
        "KEY_PROVISIONED",
        "{\"publicKey\":\""
            + base64(device.verifier().subjectPublicKeyInfo())
            + "\",\"keyAlg\":\"ED25519\"}",
        "");
  }

  /** An attestation whose quote the device signed over {@code signedCounter}. */
  BundleFixture attested(String eventId, long counter, long signedCounter) {
    String measurement = "cd".repeat(32);
    String quote =
        base64(new AttestationQuote(SERIAL, "0f", measurement, signedCounter).sign(device));
    return event(
        eventId,
        "ATTESTED",
        "{\"nonce\":\"0f\",\"measurementSha256\":\""
            + measurement
            + "\",\"counter\":"
            + counter
            + ",\"quote\":\""
            + quote
            + "\",\"result\":\"PASS\"}",
        "");
  }

  /** acme's key as registered revoked from {@code at}. */
  BundleFixture revokedAt(Instant at) {
    this.revokedAt = at.toString();
    return this;
  }

  EvidenceBundle build() {
    AppendableMerkleTree tree = new AppendableMerkleTree(new InMemoryNodeStore());
    List<byte[]> envelopes = new ArrayList<>();
    for (int i = 0; i < payloads.size(); i++) {
      byte[] envelope =
          EnvelopeJson.write(
                  EnvelopeSigner.sign(
                      "application/vnd.sealtrail.event+json",
                      payloads.get(i).getBytes(StandardCharsets.UTF_8),
                      List.of(acme)))
              .getBytes(StandardCharsets.UTF_8);
      envelopes.add(envelope);
      tree.append(AcceptedEventLeaf.of("acme", eventId(i), envelope, receipt(i)).encode());
    }
    long size = tree.size();
    String checkpoint =
        new Checkpoint(log.verifierKey().name(), size, tree.rootHash(size)).sign(log).toString();
    List<EvidenceBundle.Event> events = new ArrayList<>();
    List<EvidenceBundle.Quote> quotes = new ArrayList<>();
    String link = ChainLink.GENESIS;
    String provisionedBy = null;
    for (int i = 0; i < envelopes.size(); i++) {
      String payload = payloads.get(i);
      link = ChainLink.next(link, ChainLink.sha256Hex(payload.getBytes(StandardCharsets.UTF_8)));
      InclusionProof proof = tree.inclusionProof(i, size);
      events.add(
          new EvidenceBundle.Event(
              i + 1,
              "acme",
              eventId(i),
              receipt(i).toString(),
              base64(envelopes.get(i)),
              link,
              new EvidenceBundle.Inclusion(
                  proof.leafIndex(),
                  proof.treeSize(),
                  proof.leafHash().base64(),
                  proof.hashes().stream().map(Hash::base64).toList())));
      if (payload.contains("KEY_PROVISIONED")) {
        provisionedBy = eventId(i);
      }
      if (payload.contains("\"ATTESTED\"")) {
        quotes.add(quote(eventId(i), payload, provisionedBy));
      }
    }
    var key =
        new EvidenceBundle.Key(
            acme.verifier().keyId().hex(),
            "ED25519",
            Pem.writePublicKey(acme.verifier().subjectPublicKeyInfo()),
            null,
            null,
            revokedAt);
    return new EvidenceBundle(
        EvidenceBundle.FORMAT,
        new EvidenceBundle.Subject("serial", SERIAL),
        "2026-12-01T11:00:00Z",
        new EvidenceBundle.LogHead(log.verifierKey().toString(), checkpoint),
        List.of(new EvidenceBundle.Partner("acme", List.of("STATION"), List.of(), List.of(key))),
        List.of(
            new EvidenceBundle.SerialEvidence(
                SERIAL, ChainLink.GENESIS, link, events, quotes, List.of())));
  }

  private EvidenceBundle.Quote quote(String eventId, String payload, String provisionedBy) {
    String counter = payload.replaceAll(".*\"counter\":([0-9]+).*", "$1");
    String quote = payload.replaceAll(".*\"quote\":\"([^\"]+)\".*", "$1");
    return new EvidenceBundle.Quote(
        eventId,
        "0f",
        "cd".repeat(32),
        Long.parseLong(counter),
        "PASS",
        quote,
        new EvidenceBundle.DeviceKey(
            provisionedBy, "ED25519", base64(device.verifier().subjectPublicKeyInfo())));
  }

  private String eventId(int i) {
    return payloads.get(i).replaceAll("^\\{\"eventId\":\"([^\"]+)\".*", "$1");
  }

  static Instant receipt(int i) {
    return FIRST_RECEIPT.plusSeconds(i);
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
