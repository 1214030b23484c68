package io.sealtrail.log.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.avro.audit.AuditRecord;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The log-service README's example records, their canonical bytes and hashes: computed there by a
 * Python script from the written description alone, so the code and the documentation agree.
 */
class AuditHashTest {
  private static final String EMPTY_JSON_SHA256 =
      "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a";
  private static final AuditRecord FIRST =
      AuditRecord.newBuilder()
          .setIndex(0)
          .setActor("local-admin")
          .setAt(Instant.parse("2026-12-07T09:00:00Z"))
          .setAction("partner.registered")
          .setTarget("partner:acme")
          .setRequestId("req-1")
          .setBeforeSha256(null)
          .setAfterSha256(EMPTY_JSON_SHA256)
          .setPrevHash(AuditHash.GENESIS)
          .setHash("")
          .build();

  @Test
  void shouldEncodeTheReadmeExampleByteForByte() {
    assertThat(HexFormat.of().formatHex(AuditHash.canonical(FIRST)))
        .isEqualTo(
            "000000127365616c747261696c2e61756469742e7631"
                + "0000000000000000"
                + "0000000b6c6f63616c2d61646d696e"
                + "000001a24fbb3a80"
                + "00000012706172746e65722e72656769737465726564"
                + "0000000c706172746e65723a61636d65"
                + "000000057265712d31"
                + "00"
                + "0100000040"
                + HexFormat.of().formatHex(EMPTY_JSON_SHA256.getBytes())
                + "00000040"
                + HexFormat.of().formatHex("0".repeat(64).getBytes()));
  }

  @Test
  void shouldHashTheReadmeExamplesAndLinkThem() {
    String first = AuditHash.of(FIRST);
    AuditRecord second =
        AuditRecord.newBuilder(FIRST)
            .setIndex(1)
            .setAt(Instant.parse("2026-12-07T09:01:00Z"))
            .setAction("partner.key-revoked")
            .setRequestId("req-2")
            .setBeforeSha256(EMPTY_JSON_SHA256)
            .setPrevHash(first)
            .build();

    assertThat(first).isEqualTo("2763bf2bf19c2d1e7b4ba58d2e8fcae82f6ed2197c76f6f770d57408708e4748");
    assertThat(AuditHash.of(second))
        .isEqualTo("8061d6a44598715ff67e96b308e7d9dea9ad3dfc7ad120b08e3baf16391e6a67");
  }
}
