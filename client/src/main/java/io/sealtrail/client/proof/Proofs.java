package io.sealtrail.client.proof;

import io.sealtrail.translog.json.ProofJson;
import io.sealtrail.translog.merkle.Hash;
import io.sealtrail.translog.merkle.InclusionProof;
import io.sealtrail.translog.merkle.ProofVerificationException;
import io.sealtrail.translog.note.Checkpoint;
import io.sealtrail.translog.note.NoteException;
import io.sealtrail.translog.note.NoteVerifier;
import io.sealtrail.translog.note.NoteVerifierKey;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Fetches, verifies and stores the inclusion proof of each event the client had stored: from the
 * log's {@code /v1/log/proof/inclusion?partnerId=&eventId=}, checked with translog's verifiers —
 * the checkpoint it comes with must be signed by the configured log key (origin = the key's name),
 * be of the proof's tree size, the proof's leaf must be the one the receipt named, and the path
 * must lead to the checkpoint's root — then kept as the log's JSON in {@code <outbox>/proofs/}. Get
 * it with {@link io.sealtrail.client.SealtrailClient#proofs()}.
 */
public final class Proofs {
  private final ReceiptStore receipts;
  private final NoteVerifierKey logKey;
  private final URI logUrl;
  private final String bearerToken;
  private final HttpClient http;
  private final Duration timeout;

  public Proofs(
      ReceiptStore receipts,
      NoteVerifierKey logKey,
      URI logUrl,
      String bearerToken,
      HttpClient http,
      Duration timeout) {
    this.receipts = receipts;
    this.logKey = logKey;
    this.logUrl = logUrl;
    this.bearerToken = bearerToken;
    this.http = http;
    this.timeout = timeout;
  }

  /** The receipts kept so far, one per event the platform stored for this client. */
  public ReceiptStore receipts() {
    return receipts;
  }

  /** Fetches the proof of every kept receipt that has no stored proof yet. */
  public List<ProofOutcome> fetchAll() throws IOException {
    List<ProofOutcome> outcomes = new ArrayList<>();
    for (ReceiptStore.Kept kept : receipts.all()) {
      if (!java.nio.file.Files.exists(receipts.proofFile(kept.partnerId(), kept.eventId()))) {
        outcomes.add(fetch(kept));
      }
    }
    return outcomes;
  }

  /**
   * Fetches, verifies and stores the proof of the event {@code eventId} of {@code partnerId}; an
   * event without a kept receipt is asked for by its ids alone.
   */
  public ProofOutcome fetch(String partnerId, String eventId) throws IOException {
    Optional<ReceiptStore.Kept> kept = receipts.find(partnerId, eventId);
    return fetch(kept.orElse(new ReceiptStore.Kept(partnerId, eventId, null)));
  }

  /** The stored proof of the event, if one was fetched and verified. */
  public Optional<String> stored(String partnerId, String eventId) throws IOException {
    var file = receipts.proofFile(partnerId, eventId);
    return java.nio.file.Files.exists(file)
        ? Optional.of(java.nio.file.Files.readString(file))
        : Optional.empty();
  }

  private ProofOutcome fetch(ReceiptStore.Kept kept) throws IOException {
    String partnerId = kept.partnerId();
    String eventId = kept.eventId();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(logUrl.resolve(kept.inclusionProof())).timeout(timeout).GET();
    if (bearerToken != null) {
      request.header("Authorization", "Bearer " + bearerToken);
    }
    HttpResponse<String> response;
    try {
      response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      return new ProofOutcome.NotYet(partnerId, eventId, "log not reachable: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while fetching a proof", e);
    }
    if (response.statusCode() != 200) {
      return new ProofOutcome.NotYet(
          partnerId, eventId, "log answered " + response.statusCode() + ": " + response.body());
    }
    try {
      InclusionProof proof = verify(response.body(), kept);
      receipts.keepProof(partnerId, eventId, response.body());
      return new ProofOutcome.Proven(
          partnerId,
          eventId,
          proof.leafIndex(),
          proof.treeSize(),
          receipts.proofFile(partnerId, eventId));
    } catch (NoteException | ProofVerificationException | IllegalArgumentException e) {
      return new ProofOutcome.Failed(partnerId, eventId, e.getMessage());
    }
  }

  /** The proof in {@code json} if it holds for {@code kept}; throws saying why not. */
  private InclusionProof verify(String json, ReceiptStore.Kept kept) {
    ProofJson.InclusionWithCheckpoint read = ProofJson.readInclusion(json);
    Checkpoint checkpoint =
        Checkpoint.verify(read.checkpoint(), NoteVerifier.of(logKey), logKey.name());
    InclusionProof proof = read.proof();
    if (checkpoint.size() != proof.treeSize()) {
      throw new IllegalArgumentException(
          "the proof is for tree size "
              + proof.treeSize()
              + " but its checkpoint is of size "
              + checkpoint.size());
    }
    if (kept.receipt() != null
        && !proof.leafHash().equals(Hash.fromBase64(kept.receipt().leafHash()))) {
      throw new IllegalArgumentException(
          "the log proves leaf "
              + proof.leafHash().base64()
              + " for this event, but the platform's receipt named "
              + kept.receipt().leafHash());
    }
    proof.verify(checkpoint.rootHash());
    return proof;
  }
}
