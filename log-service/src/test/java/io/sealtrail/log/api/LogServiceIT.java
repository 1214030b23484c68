package io.sealtrail.log.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sigstore.encryption.signers.Verifiers;
import dev.sigstore.merkle.InclusionProofVerifier;
import dev.sigstore.rekor.client.Checkpoints;
import dev.sigstore.rekor.client.RekorEntry;
import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.log.fixtures.Accepted;
import io.sealtrail.log.fixtures.LogHarness;
import io.sealtrail.log.sequence.AcceptedLeaves;
import io.sealtrail.platform.auth.Role;
import io.sealtrail.testing.EmbeddedKafka;
import io.sealtrail.translog.entry.LogEntry;
import io.sealtrail.translog.json.ProofJson;
import io.sealtrail.translog.merkle.ConsistencyProof;
import io.sealtrail.translog.merkle.InclusionProof;
import io.sealtrail.translog.note.Checkpoint;
import io.sealtrail.translog.note.NoteVerifier;
import io.sealtrail.translog.note.NoteVerifierKey;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The log service on a real broker over real HTTP: events in, proofs out, verified by translog's
 * verifier and by sigstore-java's; a restart and a fresh instance continue the same tree.
 */
class LogServiceIT {
  @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();

  private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

  @Test
  void shouldServeProofsThatOursAndSigstoresVerifiersAccept() throws Exception {
    try (LogHarness log = new LogHarness(KAFKA)) {
      List<VerifiedEvent> first = events(0, 7);
      log.send(first);
      String note7 = log.awaitCheckpoint(7);
      NoteVerifierKey key = NoteVerifierKey.parse(log.get("/v1/log/key", null).body().strip());
      assertThat(key).isEqualTo(log.signer().verifierKey());
      Checkpoint head7 = Checkpoint.verify(note7, NoteVerifier.of(key), LogHarness.ORIGIN);
      assertThat(head7.size()).isEqualTo(7);

      for (VerifiedEvent event : first) {
        var answer = ProofJson.readInclusion(inclusion(log, event, null).body());
        InclusionProof proof = answer.proof();
        assertThat(answer.checkpoint()).isEqualTo(note7);
        assertThat(proof.treeSize()).isEqualTo(7);
        assertThat(proof.leafHash()).isEqualTo(AcceptedLeaves.of(event).leafHash());
        proof.verify(head7.rootHash());
        sigstoreVerifies(proof, note7, key);
      }

      List<VerifiedEvent> more = events(7, 13);
      log.send(more);
      String note20 = log.awaitCheckpoint(20);
      Checkpoint head20 = Checkpoint.verify(note20, NoteVerifier.of(key), LogHarness.ORIGIN);
      assertThat(head20.size()).isEqualTo(20);
      ConsistencyProof consistency =
          ProofJson.readConsistency(
              log.get("/v1/log/proof/consistency?from=7&to=20", Role.AUDITOR).body());
      consistency.verify(head7.rootHash(), head20.rootHash());
      assertThat(consistency.verifies(head20.rootHash(), head7.rootHash())).isFalse();

      // An older checkpoint's proof: the same leaf in the tree of 7, with that signed note.
      var old = ProofJson.readInclusion(inclusion(log, first.get(3), 7L).body());
      assertThat(old.checkpoint()).isEqualTo(note7);
      old.proof().verify(head7.rootHash());

      List<VerifiedEvent> all = new ArrayList<>(first);
      all.addAll(more);
      assertThat(entries(log, 0, 20))
          .extracting(LogEntry::leaf)
          .containsExactlyInAnyOrderElementsOf(all.stream().map(AcceptedLeaves::of).toList());
    }
  }

  @Test
  void shouldContinueTheSameTreeAfterARestartAndOnAFreshInstance() throws Exception {
    try (LogHarness log = new LogHarness(KAFKA)) {
      log.send(events(0, 5));
      String note5 = log.awaitCheckpoint(5);
      List<LogEntry> before = entries(log, 0, 5);

      log.restart();
      assertThat(log.awaitCheckpoint(5)).isEqualTo(note5);
      log.send(events(5, 4));
      String note9 = log.awaitCheckpoint(9);

      log.failOverToAFreshInstance();
      assertThat(log.awaitCheckpoint(9)).isEqualTo(note9);
      log.send(events(9, 3));
      String note12 = log.awaitCheckpoint(12);

      NoteVerifier verifier = NoteVerifier.of(log.signer().verifierKey());
      Checkpoint head5 = Checkpoint.verify(note5, verifier, LogHarness.ORIGIN);
      Checkpoint head12 = Checkpoint.verify(note12, verifier, LogHarness.ORIGIN);
      assertThat(head12.size()).isEqualTo(12);
      ProofJson.readConsistency(
              log.get("/v1/log/proof/consistency?from=5&to=12", Role.RECALL).body())
          .verify(head5.rootHash(), head12.rootHash());
      List<LogEntry> after = entries(log, 0, 12);
      assertThat(after.subList(0, 5)).isEqualTo(before);
      assertThat(after).extracting(e -> e.leaf().eventId()).doesNotHaveDuplicates();
    }
  }

  @Test
  void shouldAnswerCallersMistakesWithProblemsAndGuardProofsByRole() throws Exception {
    try (LogHarness log = new LogHarness(KAFKA)) {
      List<VerifiedEvent> sent = events(0, 2);
      log.send(sent);
      log.awaitCheckpoint(2);
      String proof = "/v1/log/proof/inclusion?partnerId=dock7&eventId=ev-0";

      assertThat(log.get("/v1/log/checkpoint", null).statusCode()).isEqualTo(200);
      assertThat(log.get("/v1/log/checkpoint", null).headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
      assertThat(log.get(proof, null).statusCode()).isEqualTo(401);
      assertThat(log.get("/v1/log/entries?start=0", null).statusCode()).isEqualTo(401);
      for (Role role : Role.values()) {
        assertThat(log.get(proof, role).statusCode()).as(role.name()).isEqualTo(200);
      }

      problem(
          log.get("/v1/log/proof/inclusion?partnerId=dock7&eventId=nope", Role.AUDITOR),
          404,
          "unknown-event");
      problem(log.get("/v1/log/proof/inclusion?partnerId=dock7", Role.AUDITOR), 400, "bad-range");
      problem(log.get(proof + "&treeSize=99", Role.AUDITOR), 400, "bad-range");
      problem(log.get(proof + "&treeSize=-1", Role.AUDITOR), 400, "bad-range");
      problem(log.get("/v1/log/proof/consistency?from=2&to=1", Role.AUDITOR), 400, "bad-range");
      problem(log.get("/v1/log/proof/consistency?from=x&to=1", Role.AUDITOR), 400, "bad-range");
      problem(log.get("/v1/log/entries?start=1&end=1", Role.AUDITOR), 400, "bad-range");
      problem(log.get("/v1/log/entries?start=0&end=5000", Role.AUDITOR), 400, "bad-range");
      assertThat(entries(log, 0, 2)).hasSize(2);
      HttpResponse<String> defaultEnd = log.get("/v1/log/entries?start=1", Role.AUDITOR);
      assertThat(defaultEnd.statusCode()).as(defaultEnd.body()).isEqualTo(200);
      assertThat(defaultEnd.body()).contains("\"index\":1").doesNotContain("\"index\":0");
    }
  }

  private static void problem(HttpResponse<String> answer, int status, String type) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(answer.body()).contains("\"type\":\"https://sealtrail.io/problems/" + type + "\"");
    assertThat(answer.body()).doesNotContain("Exception").doesNotContain("at io.");
  }

  private static HttpResponse<String> inclusion(LogHarness log, VerifiedEvent event, Long size) {
    String path =
        "/v1/log/proof/inclusion?partnerId="
            + event.getEvent().getPartnerId()
            + "&eventId="
            + event.getEvent().getEventId()
            + (size == null ? "" : "&treeSize=" + size);
    HttpResponse<String> answer = log.get(path, Role.AUDITOR);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return answer;
  }

  private static List<LogEntry> entries(LogHarness log, long start, long end) {
    HttpResponse<String> answer =
        log.get("/v1/log/entries?start=" + start + "&end=" + end, Role.SECOPS);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    String body = answer.body();
    String array = body.substring(body.indexOf('[') + 1, body.lastIndexOf(']'));
    List<LogEntry> entries = new ArrayList<>();
    for (String json : array.split("(?<=\\}),(?=\\{)")) {
      entries.add(ProofJson.readEntry(json));
    }
    assertThat(entries).extracting(LogEntry::index).startsWith(start).hasSize((int) (end - start));
    return entries;
  }

  /** sigstore-java parses the note, checks its signature with our key, and the proof's path. */
  private static void sigstoreVerifies(InclusionProof proof, String note, NoteVerifierKey key)
      throws Exception {
    RekorEntry.Checkpoint theirs = Checkpoints.from(note);
    RekorEntry.CheckpointSignature signature = theirs.getSignatures().get(0);
    assertThat(
            Verifiers.newVerifier(key.publicKey())
                .verify(
                    theirs.getSignedData().getBytes(StandardCharsets.UTF_8),
                    signature.getSignature()))
        .isTrue();
    List<byte[]> path = new ArrayList<>();
    proof.hashes().forEach(h -> path.add(h.bytes()));
    InclusionProofVerifier.verify(
        proof.leafHash().bytes(),
        proof.leafIndex(),
        theirs.getSize(),
        path,
        Base64.getDecoder().decode(theirs.getBase64Hash()));
  }

  private static List<VerifiedEvent> events(int from, int count) {
    List<VerifiedEvent> events = new ArrayList<>();
    for (int n = from; n < from + count; n++) {
      events.add(
          Accepted.event(
              n % 2 == 0 ? "dock7" : "fab3", "ev-" + n, "DEV-" + n % 5, T0.plusSeconds(n)));
    }
    return events;
  }
}
