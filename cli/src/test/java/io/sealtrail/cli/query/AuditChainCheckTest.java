package io.sealtrail.cli.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.avro.audit.AuditRecord;
import io.sealtrail.log.audit.AuditHash;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The verifier's verdicts on chains built here: intact, and each kind of break named. */
class AuditChainCheckTest {

  @Test
  void shouldCountTheRecordsAndNameTheHeadWhenTheChainHolds() {
    List<AuditRecord> chain = chain(3);

    AuditChainCheck check = check(chain);

    assertThat(check.problem()).isEmpty();
    assertThat(check.verified()).isEqualTo(3);
    assertThat(check.head()).isEqualTo(chain.get(2).getHash());
  }

  @Test
  void shouldHoldWithTheGenesisAsHeadWhenTheChainIsEmpty() {
    AuditChainCheck check = check(List.of());

    assertThat(check.problem()).isEmpty();
    assertThat(check.verified()).isZero();
    assertThat(check.head()).isEqualTo(AuditHash.GENESIS);
  }

  @Test
  void shouldNameAGapWhenARecordWasRemoved() {
    List<AuditRecord> chain = new ArrayList<>(chain(4));
    chain.remove(1);

    AuditChainCheck check = check(chain);

    assertThat(check.problem())
        .hasValueSatisfying(p -> assertThat(p).contains("record 1 is missing", "gap"));
    assertThat(check.verified()).isEqualTo(1);
  }

  @Test
  void shouldNameAGapWhenTheFirstRecordsWereRemoved() {
    List<AuditRecord> chain = chain(4).subList(2, 4);

    assertThat(check(chain).problem())
        .hasValueSatisfying(
            p -> assertThat(p).contains("record 0 is missing", "records 0..1 removed"));
  }

  @Test
  void shouldNameAnEditWhenAFieldChangedButNotTheHash() {
    List<AuditRecord> chain = new ArrayList<>(chain(3));
    chain.set(1, AuditRecord.newBuilder(chain.get(1)).setTarget("partner:other").build());

    assertThat(check(chain).problem())
        .hasValueSatisfying(p -> assertThat(p).contains("record 1 was edited"));
  }

  @Test
  void shouldNameABrokenLinkWhenARecordWasReplacedWithARecomputedHash() {
    List<AuditRecord> chain = new ArrayList<>(chain(3));
    AuditRecord forged = AuditRecord.newBuilder(chain.get(1)).setActor("mallory").build();
    forged.setHash(AuditHash.of(forged));
    chain.set(1, forged);

    assertThat(check(chain).problem())
        .hasValueSatisfying(
            p -> assertThat(p).contains("record 2 does not link to record 1's hash"));
  }

  @Test
  void shouldNameARepeatedIndexAndAnUnreadableRecord() {
    List<AuditRecord> chain = chain(2);
    AuditChainCheck repeated = new AuditChainCheck();
    repeated.add(new AuditChainCheck.Read(0, chain.get(0), null));
    repeated.add(new AuditChainCheck.Read(1, chain.get(0), null));
    AuditChainCheck unreadable = new AuditChainCheck();
    unreadable.add(new AuditChainCheck.Read(7, null, "unknown magic byte"));

    assertThat(repeated.problem()).hasValueSatisfying(p -> assertThat(p).contains("repeated"));
    assertThat(unreadable.problem())
        .hasValueSatisfying(p -> assertThat(p).contains("offset 7", "unknown magic byte"));
  }

  private static AuditChainCheck check(List<AuditRecord> records) {
    AuditChainCheck check = new AuditChainCheck();
    for (int i = 0; i < records.size(); i++) {
      check.add(new AuditChainCheck.Read(i, records.get(i), null));
    }
    return check;
  }

  private static List<AuditRecord> chain(int length) {
    List<AuditRecord> chain = new ArrayList<>();
    String previous = AuditHash.GENESIS;
    for (int i = 0; i < length; i++) {
      AuditRecord r =
          AuditRecord.newBuilder()
              .setIndex(i)
              .setActor("auditor-test")
              .setAt(Instant.parse("2026-12-07T09:00:00Z").plusSeconds(i))
              .setAction("partner.updated")
              .setTarget("partner:acme")
              .setRequestId("req-" + i)
              .setBeforeSha256(null)
              .setAfterSha256(null)
              .setPrevHash(previous)
              .setHash("")
              .build();
      r.setHash(AuditHash.of(r));
      previous = r.getHash();
      chain.add(r);
    }
    return chain;
  }
}
