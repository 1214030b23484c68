package io.sealtrail.translog.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sealtrail.translog.entry.AcceptedEventLeaf;
import io.sealtrail.translog.entry.LogEntry;
import io.sealtrail.translog.merkle.ConsistencyProof;
import io.sealtrail.translog.merkle.InclusionProof;
import io.sealtrail.translog.merkle.MerkleTree;
import io.sealtrail.translog.merkle.Trees;
import io.sealtrail.translog.note.Checkpoint;
import io.sealtrail.translog.note.SignedNote;
import io.sealtrail.translog.note.TestKeys;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProofJsonTest {
  private final MerkleTree tree = Trees.sealtrail(8);

  @Test
  void shouldWriteTheReferenceInclusionProofWithItsCheckpoint() {
    InclusionProof proof = tree.inclusionProof(6, 7);
    SignedNote checkpoint = SignedNote.parse(TestKeys.CHECKPOINT_7);

    String json = ProofJson.inclusion(proof, checkpoint);

    assertThat(json)
        .isEqualTo(
            "{\"leafIndex\":6,\"treeSize\":7,"
                + "\"leafHash\":\"Z283gvWzpftDcO1JVyztxSP0pmMiJpyF8q8FCdF7Ck0=\","
                + "\"hashes\":[\"mFu102uSeACHaHHaklp+gqvoOp3bpYgpIKAHpV6is3Y=\","
                + "\"vdHF/1WxnLaw58dhv5psyqJ/u/wHt08fq7bpEaC9KrM=\"],"
                + "\"checkpoint\":"
                + "\"sealtrail.example/log\\n7\\nCwB/uRXrmyoUb1SxyG7FO2ZPjkVbdmCwtu4T7cDZIcA=\\n\\n"
                + "\u2014 sealtrail.example/log Rfry4sN80MmuZs/B5zdBcjXYfStYp3lTsBIwcNCuQCGE44bz3KwB"
                + "zdVcbs22oECIH21/5LAx/Th0mWHdtQpaVMKLDAE=\\n\"}");
    ProofJson.InclusionWithCheckpoint read = ProofJson.readInclusion(json);
    assertThat(read.proof()).isEqualTo(proof);
    assertThat(read.checkpoint()).isEqualTo(TestKeys.CHECKPOINT_7);
  }

  @Test
  void shouldRoundTripAConsistencyProof() {
    ConsistencyProof proof = tree.consistencyProof(3, 7);

    String json = ProofJson.consistency(proof);

    assertThat(json)
        .startsWith(
            "{\"from\":3,\"to\":7,\"hashes\":[\"/KifV8n4yOtAR6f/nTM6z54PM4SyCyVbzqsPIW3Momc=\",");
    assertThat(ProofJson.readConsistency(json)).isEqualTo(proof);
    assertThat(Checkpoint.parse("o\n7\n" + tree.rootHash(7).base64() + "\n").rootHash())
        .isEqualTo(tree.rootHash(7));
  }

  @Test
  void shouldNameTheDefectOfAMalformedProof() {
    assertMalformed("{\"from\":3,\"to\":7}", "hashes");
    assertMalformed("{\"from\":\"3\",\"to\":7,\"hashes\":[]}", "at /from");
    assertMalformed("{\"from\":3.5,\"to\":7,\"hashes\":[]}", "ConsistencyDocument");
    assertMalformed("{\"from\":3,\"to\":7,\"hashes\":[\"AAAA\"]}", "hashes: a hash is 32 bytes");
    assertMalformed("{\"from\":3,\"to\":7,\"hashes\":[null]}", "null");
    assertMalformed("{\"from\":3,\"from\":4,\"to\":7,\"hashes\":[]}", "Duplicate field");
    assertMalformed("{\"from\":3,\"to\":7,\"hashes\":[]} {}", "ConsistencyDocument");
  }

  @Test
  void shouldRoundTripAnEntryThatNamesItsPartnerAndEvent() {
    AcceptedEventLeaf leaf =
        AcceptedEventLeaf.of(
            "dock7",
            "ev-0002",
            "{}".getBytes(StandardCharsets.UTF_8),
            Instant.parse("2026-11-21T06:00:01.234Z"));
    LogEntry entry = new LogEntry(41, leaf);

    String json = ProofJson.entry(entry);

    assertThat(json)
        .startsWith("{\"index\":41,\"partnerId\":\"dock7\",\"eventId\":\"ev-0002\",")
        .contains("\"receivedAt\":\"2026-11-21T06:00:01.234Z\"");
    assertThat(ProofJson.readEntry(json)).isEqualTo(entry);
    assertMalformedEntry(json.replace("\"ev-0002\"", "\"ev-0003\""), "differ from the leaf bytes");
    assertMalformedEntry(
        json.replace(entry.leafHash().base64(), tree.leafHash(0).base64()), "leafHash");
  }

  private static void assertMalformed(String json, String message) {
    assertThatThrownBy(() -> ProofJson.readConsistency(json))
        .isInstanceOf(MalformedProofJsonException.class)
        .hasMessageContaining(message);
  }

  private static void assertMalformedEntry(String json, String message) {
    assertThatThrownBy(() -> ProofJson.readEntry(json))
        .isInstanceOf(MalformedProofJsonException.class)
        .hasMessageContaining(message);
  }
}
