package io.sealtrail.custody.history;

import static io.sealtrail.custody.fixtures.CustodyEvents.*;
import static io.sealtrail.custody.fixtures.Serials.*;
import static io.sealtrail.custody.fixtures.Shipments.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.custody.fixtures.CustodyDriver;
import io.sealtrail.custody.history.ChainVerifier.Broken;
import io.sealtrail.custody.history.SerialHistory.Entry;
import io.sealtrail.custody.state.ChainHash;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A serial's history checked against its chain head: intact, or where a gap or an edit is. */
class ChainVerifierTest {
  static final Instant ASSEMBLY = Instant.parse("2026-03-02T08:00:00Z");
  static final Instant SEALING = ASSEMBLY.plus(Duration.ofHours(1));
  static final Instant PACKING = ASSEMBLY.plus(Duration.ofHours(2));
  static final Instant DEPARTURE = ASSEMBLY.plus(Duration.ofHours(3));

  private final CustodyDriver custody = new CustodyDriver();
  private List<Entry> history;
  private String head;

  @BeforeEach
  void deviceTravels() {
    custody.send(
        assembled(DEVICE, ASSEMBLY),
        sealApplied(DEVICE, "SEAL-D42", SEALING),
        packed(CRATE, PACKING, DEVICE),
        sealApplied(CRATE, sealOf(CRATE), PACKING.plusSeconds(60)),
        shipped(CRATE, DEPARTURE));
    history = new ArrayList<>(custody.history().of(DEVICE));
    head = custody.state(DEVICE).getChainHash();
  }

  @AfterEach
  void close() {
    custody.close();
  }

  @Test
  void shouldFindHistoryIntactWhenNothingWasChanged() {
    assertThat(ChainVerifier.verify(history, head)).isEqualTo(new ChainVerifier.Intact(5, head));
  }

  @Test
  void shouldPointAtTheGapWhenAnEventIsRemoved() {
    history.remove(2);

    assertThat(ChainVerifier.verify(history, head)).isEqualTo(new Broken(3, "event 3 is missing"));
  }

  @Test
  void shouldPointAtTheEditedEventWhenItsSignedPayloadIsChanged() {
    Entry original = history.get(1);
    VerifiedEvent edited = VerifiedEvent.newBuilder(original.event()).build();
    edited.getEnvelope().setPayload(ByteBuffer.wrap("SEAL-OTHER".getBytes(StandardCharsets.UTF_8)));
    history.set(1, new Entry(2, edited, original.chainHash()));

    assertThat(ChainVerifier.verify(history, head))
        .isEqualTo(new Broken(2, "signed payload does not hash to its payloadSha256"));
  }

  @Test
  void shouldPointAtTheEditedEventWhenPayloadAndItsHashAreBothReplaced() {
    Entry original = history.get(1);
    byte[] forged = "SEAL-OTHER".getBytes(StandardCharsets.UTF_8);
    VerifiedEvent edited =
        VerifiedEvent.newBuilder(original.event())
            .setPayloadSha256(ChainHash.sha256Hex(forged))
            .build();
    edited.getEnvelope().setPayload(ByteBuffer.wrap(forged));
    history.set(1, new Entry(2, edited, original.chainHash()));

    assertThat(ChainVerifier.verify(history, head))
        .isEqualTo(new Broken(2, "chain link differs from the one recomputed"));
  }

  @Test
  void shouldPointAtTheFirstOfTwoSwappedEventsWhenOrderIsChanged() {
    Entry second = history.get(1);
    Entry third = history.get(2);
    history.set(1, new Entry(2, third.event(), second.chainHash()));
    history.set(2, new Entry(3, second.event(), third.chainHash()));

    assertThat(ChainVerifier.verify(history, head).intact()).isFalse();
    assertThat(((Broken) ChainVerifier.verify(history, head)).sequence()).isEqualTo(2);
  }

  @Test
  void shouldReportTheMissingTailWhenLastEventsAreDropped() {
    history.remove(history.size() - 1);

    assertThat(ChainVerifier.verify(history, head))
        .isInstanceOfSatisfying(Broken.class, b -> assertThat(b.sequence()).isEqualTo(5));
  }
}
