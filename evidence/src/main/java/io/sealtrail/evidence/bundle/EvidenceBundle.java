package io.sealtrail.evidence.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The evidence about one serial or one lot, self-contained: with it and the log's public key alone
 * anyone can re-verify every event's signatures, that each signer's key was in force when the event
 * was received, that the log recorded each event under one signed checkpoint, the serial's hash
 * chain and its attestation quotes. Format {@value #FORMAT}; every field is described in the
 * evidence module's README.
 *
 * @param format always {@value #FORMAT}; a reader refuses any other
 * @param subject what the bundle is about
 * @param createdAt when it was assembled (RFC 3339), informational
 * @param log the one signed checkpoint every inclusion proof leads to
 * @param partners every partner whose key signed an event of the bundle, as registered
 * @param serials the serials: one for a serial's bundle, the lot's devices (and the lot's own
 *     history, if it has one) for a lot's
 */
public record EvidenceBundle(
    String format,
    Subject subject,
    String createdAt,
    LogHead log,
    List<Partner> partners,
    List<SerialEvidence> serials) {
  public static final String FORMAT = "sealtrail.evidence.v1";

  /**
   * @param kind {@code serial} or {@code lot}
   * @param id the serial or lot
   */
  public record Subject(String kind, String id) {}

  /**
   * @param key the verifier key the log service named (informational: verify with a key obtained
   *     independently, never with this one)
   * @param checkpoint the signed checkpoint note (C2SP signed note) every proof is of
   */
  public record LogHead(String key, String checkpoint) {}

  /** A partner as registered: roles, sites and every key it ever listed. */
  public record Partner(String partnerId, List<String> roles, List<String> sites, List<Key> keys) {}

  /**
   * One registered key.
   *
   * @param keyid lowercase hex SHA-256 of the DER SubjectPublicKeyInfo
   * @param algorithm {@code ED25519} or {@code ECDSA_P256}
   * @param publicKey PEM {@code PUBLIC KEY}
   * @param notBefore first instant of validity (RFC 3339) or null
   * @param notAfter last instant of validity or null
   * @param revokedAt events received at or after it are refused, or null
   */
  public record Key(
      String keyid,
      String algorithm,
      String publicKey,
      String notBefore,
      String notAfter,
      String revokedAt) {}

  /**
   * One serial's evidence.
   *
   * @param serial the serial
   * @param genesis the chain's first link (64 hex zeros)
   * @param head the chain head: the last link custody-stream's history answered, checked there
   *     against the serial's state
   * @param events every event folded into the serial (its own and its containers'), in chain order
   * @param quotes every attestation quote among them, with the device key it verifies against
   * @param alerts the alerts about the serial, as the alerts API answers them (not signed: the
   *     platform's findings, carried for the reader)
   */
  public record SerialEvidence(
      String serial,
      String genesis,
      String head,
      List<Event> events,
      List<Quote> quotes,
      List<JsonNode> alerts) {}

  /**
   * One accepted event.
   *
   * @param sequence its place in the serial's chain, from 1
   * @param partnerId the partner that reported it (leaf field)
   * @param eventId its id (leaf field)
   * @param receivedAt when ingest accepted it (RFC 3339, milliseconds; leaf field)
   * @param envelope standard base64 of the envelope's canonical DSSE JSON bytes, the bytes whose
   *     SHA-256 the log's leaf holds
   * @param chainHash the chain link after this event: {@code hex(SHA-256(previous ||
   *     SHA-256(payload)))}
   * @param inclusion the event's inclusion proof in the checkpoint's tree
   */
  public record Event(
      long sequence,
      String partnerId,
      String eventId,
      String receivedAt,
      String envelope,
      String chainHash,
      Inclusion inclusion) {}

  /** An RFC 9162 inclusion proof, hashes in standard base64, siblings bottom-up. */
  public record Inclusion(long leafIndex, long treeSize, String leafHash, List<String> hashes) {}

  /**
   * An attestation quote, as its ATTESTED event's payload reports it.
   *
   * @param eventId the ATTESTED event
   * @param quote base64 of the device's signature
   * @param deviceKey the key the quote verifies against
   */
  public record Quote(
      String eventId,
      String nonce,
      String measurementSha256,
      long counter,
      String result,
      String quote,
      DeviceKey deviceKey) {}

  /**
   * A device key as its KEY_PROVISIONED event provisioned it.
   *
   * @param eventId the KEY_PROVISIONED event
   * @param keyAlg {@code ED25519} or {@code ECDSA_P256}
   * @param publicKey standard base64 of the DER SubjectPublicKeyInfo
   */
  public record DeviceKey(String eventId, String keyAlg, String publicKey) {}
}
