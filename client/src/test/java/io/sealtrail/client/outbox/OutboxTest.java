package io.sealtrail.client.outbox;

import static io.sealtrail.client.TestKeys.OCCURRED;
import static io.sealtrail.client.TestKeys.seal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sealtrail.client.SignedEnvelope;
import io.sealtrail.client.TestKeys;
import io.sealtrail.trust.crypto.Signer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {
  @TempDir Path dir;
  private final Signer key = TestKeys.newKey();

  private SignedEnvelope envelope(String eventId) {
    return SignedEnvelope.sign(seal("acme", eventId, OCCURRED), List.of(key));
  }

  @Test
  void shouldGiveBackTheSameEnvelopesInOrderWhenReopenedAfterACrash() throws Exception {
    List<SignedEnvelope> appended = List.of(envelope("a"), envelope("b"), envelope("c"));
    try (Outbox outbox = Outbox.open(dir)) {
      for (SignedEnvelope envelope : appended) {
        outbox.append(envelope);
      }
    }

    try (Outbox reopened = Outbox.open(dir)) {
      assertThat(reopened.pending()).extracting(OutboxEntry::envelope).isEqualTo(appended);
      assertThat(reopened.append(envelope("d")).sequence()).isEqualTo(4);
    }
  }

  @Test
  void shouldForgetAnEntryOnlyWhenRemoved() throws Exception {
    try (Outbox outbox = Outbox.open(dir)) {
      OutboxEntry first = outbox.append(envelope("a"));
      outbox.append(envelope("b"));

      outbox.remove(first);
    }

    try (Outbox reopened = Outbox.open(dir)) {
      assertThat(reopened.pending()).extracting(e -> e.envelope().eventId()).containsExactly("b");
    }
  }

  @Test
  void shouldQuarantineAFileWhoseEnvelopeWasAlteredWhenOpened() throws Exception {
    Path tampered;
    try (Outbox outbox = Outbox.open(dir)) {
      tampered = outbox.append(envelope("a")).file();
      outbox.append(envelope("b"));
    }
    String text = Files.readString(tampered);
    Files.writeString(tampered, text.replace("\"payload\":\"", "\"payload\":\"AAAA"));

    try (Outbox reopened = Outbox.open(dir)) {
      assertThat(reopened.pending()).extracting(e -> e.envelope().eventId()).containsExactly("b");
      assertThat(reopened.quarantinedAtOpen()).hasSize(1);
      Quarantined quarantined = reopened.quarantinedAtOpen().get(0);
      assertThat(quarantined.why()).contains("checksum mismatch");
      assertThat(quarantined.file())
          .isEqualTo(dir.resolve("quarantine").resolve(tampered.getFileName()));
      assertThat(Files.readString(quarantined.file())).isNotEmpty();
    }
  }

  @Test
  void shouldQuarantineATruncatedFileAndNeverReuseItsSequence() throws Exception {
    Files.write(
        dir.resolve("00000000000000000007.envelope"),
        "sealtrail-outbox-v1 ab".getBytes(StandardCharsets.UTF_8));

    try (Outbox outbox = Outbox.open(dir)) {
      assertThat(outbox.pending()).isEmpty();
      assertThat(outbox.quarantinedAtOpen())
          .singleElement()
          .satisfies(q -> assertThat(q.why()).contains("truncated"));
      assertThat(outbox.append(envelope("a")).sequence()).isEqualTo(8);
    }
  }

  @Test
  void shouldRefuseASecondClientOnTheSameDirectory() throws Exception {
    try (Outbox first = Outbox.open(dir)) {
      assertThatThrownBy(() -> Outbox.open(dir))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("in use by another client");
    }
  }
}
