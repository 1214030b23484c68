package io.sealtrail.log.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.avro.event.EnvelopeSignature;
import io.sealtrail.avro.event.SignedEnvelope;
import io.sealtrail.log.fixtures.Accepted;
import io.sealtrail.translog.entry.AcceptedEventLeaf;
import io.sealtrail.translog.merkle.MerkleHashing;
import io.sealtrail.trust.dsse.EnvelopeJson;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class AcceptedLeavesTest {
  @Test
  void shouldGiveTheTranslogReadmesLeafHashForItsExampleEnvelope() {
    // translog/README.md: dock7, ev-0002, 2026-11-21T06:00:01.234Z, payload "{}", no signature.
    SignedEnvelope envelope =
        new SignedEnvelope(
            Accepted.PAYLOAD_TYPE,
            ByteBuffer.wrap("{}".getBytes(StandardCharsets.UTF_8)),
            List.of());
    Instant at = Instant.parse("2026-11-21T06:00:01.234Z");

    AcceptedEventLeaf leaf =
        AcceptedLeaves.of(Accepted.withEnvelope("dock7", "ev-0002", "DEV-1", at, envelope));

    assertThat(new String(AcceptedLeaves.canonicalEnvelope(envelope), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"payloadType\":\"application/vnd.sealtrail.event+json\",\"payload\":\"e30=\","
                + "\"signatures\":[]}");
    assertThat(leaf.leafHash().hex())
        .isEqualTo("ecb97db463368ea026e6f62a30b4c1ba9f242cef7d1fdddd382d9c4e76c7b5d7");
  }

  @Test
  void shouldHashTheEnvelopeAsTheClientWritesItWhateverFormItWasSentIn() {
    byte[] sig = {(byte) 0xfb, (byte) 0xff, 0x01};
    SignedEnvelope stored =
        new SignedEnvelope(
            Accepted.PAYLOAD_TYPE,
            ByteBuffer.wrap(new byte[] {(byte) 0xfa, (byte) 0xfb}),
            List.of(
                new EnvelopeSignature("k1", ByteBuffer.wrap(sig)),
                new EnvelopeSignature(null, ByteBuffer.wrap(sig))));
    // Sent with spaces, other field order and URL-safe base64: the same envelope once decoded.
    String sent =
        "{ \"signatures\": [{\"sig\": \"-_8B\", \"keyid\": \"k1\"}, {\"sig\": \"-_8B\"}],"
            + " \"payload\": \"-vs=\", \"payloadType\": \""
            + Accepted.PAYLOAD_TYPE
            + "\" }";
    String canonical = EnvelopeJson.write(EnvelopeJson.read(sent.getBytes(StandardCharsets.UTF_8)));

    AcceptedEventLeaf leaf =
        AcceptedLeaves.of(
            Accepted.withEnvelope("p", "e", "DEV-1", Instant.ofEpochMilli(7), stored));

    assertThat(canonical)
        .isEqualTo(
            "{\"payloadType\":\""
                + Accepted.PAYLOAD_TYPE
                + "\",\"payload\":\"+vs=\",\"signatures\":[{\"keyid\":\"k1\",\"sig\":\"+/8B\"},"
                + "{\"sig\":\"+/8B\"}]}");
    assertThat(leaf.envelopeSha256().bytes())
        .isEqualTo(MerkleHashing.sha256(canonical.getBytes(StandardCharsets.UTF_8)));
    assertThat(Base64.getEncoder().encodeToString(sig)).isEqualTo("+/8B");
  }
}
