package io.sealtrail.custody.history;

import static io.sealtrail.custody.fixtures.CustodyEvents.*;
import static io.sealtrail.custody.fixtures.Serials.*;
import static io.sealtrail.custody.fixtures.Shipments.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.avro.common.EventType;
import io.sealtrail.custody.fixtures.CustodyDriver;
import io.sealtrail.custody.history.SerialHistory.Entry;
import io.sealtrail.custody.process.Storage;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A serial's history: every event with its original envelope, replaying the state's chain. */
class SerialHistoryTest {
  static final Instant ASSEMBLY = Instant.parse("2026-03-02T08:00:00Z");
  static final Instant SEALING = ASSEMBLY.plus(Duration.ofHours(1));
  static final Instant PACKING = ASSEMBLY.plus(Duration.ofHours(2));
  static final Instant DEPARTURE = ASSEMBLY.plus(Duration.ofHours(3));

  // On RocksDB, as in production: prefix scans of held violations and history in real stores.
  private final CustodyDriver custody = new CustodyDriver(Storage.PERSISTENT);

  @AfterEach
  void close() {
    custody.close();
  }

  @Test
  void shouldListOwnAndContainerEventsInOrderWhenDeviceTravels() {
    custody.send(
        assembled(DEVICE, ASSEMBLY),
        sealApplied(DEVICE, "SEAL-D42", SEALING),
        packed(CRATE, PACKING, DEVICE),
        shipped(CRATE, DEPARTURE));

    List<Entry> history = custody.history().of(DEVICE);

    assertThat(history)
        .extracting(e -> e.event().getEvent().getType())
        .containsExactly(
            EventType.ASSEMBLED, EventType.SEAL_APPLIED, EventType.PACKED, EventType.SHIPPED);
    assertThat(history).extracting(Entry::sequence).containsExactly(1L, 2L, 3L, 4L);
    assertThat(history.get(3).chainHash()).isEqualTo(custody.state(DEVICE).getChainHash());
  }

  @Test
  void shouldKeepOriginalSignedBytesWhenEventIsStored() throws Exception {
    custody.send(assembled(DEVICE, ASSEMBLY));

    Entry first = custody.history().of(DEVICE).get(0);

    ByteBuffer payload = first.event().getEnvelope().getPayload().duplicate();
    byte[] bytes = new byte[payload.remaining()];
    payload.get(bytes);
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    assertThat(sha).isEqualTo(first.event().getPayloadSha256());
  }

  @Test
  void shouldBeEmptyWhenSerialWasNeverSeen() {
    custody.send(assembled(DEVICE, ASSEMBLY));

    assertThat(custody.history().of("GWX1-000043")).isEmpty();
    assertThat(custody.history().of("GWX1")).isEmpty();
  }
}
