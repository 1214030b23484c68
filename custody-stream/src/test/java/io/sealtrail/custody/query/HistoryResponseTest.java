package io.sealtrail.custody.query;

import static io.sealtrail.custody.fixtures.CustodyEvents.*;
import static io.sealtrail.custody.fixtures.Serials.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.custody.fixtures.CustodyDriver;
import io.sealtrail.custody.history.SerialHistory.Entry;
import io.sealtrail.custody.state.ChainHash;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The history answer's chain verdict: intact as stored, broken where a history was tampered. */
class HistoryResponseTest {
  static final Instant ASSEMBLY = Instant.parse("2026-03-02T08:00:00Z");
  static final Instant SEALING = ASSEMBLY.plus(Duration.ofHours(1));
  static final Instant CHECK = ASSEMBLY.plus(Duration.ofHours(2));

  private final CustodyDriver custody = new CustodyDriver();
  private List<Entry> history;
  private String head;

  @BeforeEach
  void deviceIsSealedAndChecked() {
    custody.send(
        assembled(DEVICE, ASSEMBLY),
        sealApplied(DEVICE, "SEAL-D42", SEALING),
        sealChecked(DEVICE, "SEAL-D42", true, CHECK));
    history = new ArrayList<>(custody.history().of(DEVICE));
    head = custody.state(DEVICE).getChainHash();
  }

  @AfterEach
  void close() {
    custody.close();
  }

  @Test
  void shouldReportChainIntactWhenTheHistoryIsAsStored() {
    var answer = HistoryResponse.of(DEVICE, ChainHash.GENESIS, history, head);

    assertThat(answer.chain()).isEqualTo(ChainStatus.INTACT);
  }

  @Test
  void shouldReportChainBrokenAtTheGapWhenAnEventWasRemoved() {
    history.remove(1);

    var answer = HistoryResponse.of(DEVICE, ChainHash.GENESIS, history, head);

    assertThat(answer.chain()).isEqualTo(ChainStatus.broken(2, "event 2 is missing"));
  }

  @Test
  void shouldReportChainBrokenAtTheEndWhenTheStateHasNoHead() {
    var answer = HistoryResponse.of(DEVICE, ChainHash.GENESIS, history, null);

    assertThat(answer.chain())
        .isEqualTo(ChainStatus.broken(4, "the serial has no state holding its head"));
  }
}
