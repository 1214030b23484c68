package io.sealtrail.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditEntryJsonTest {
  @Test
  void shouldReadBackWhatItWroteWhenDigestsArePresentOrAbsent() {
    var full =
        new AuditEntry(
            "alice",
            AuditActions.HOLD_PLACED,
            "hold:h-1",
            "req-1",
            Instant.parse("2026-12-07T09:00:00Z"),
            AuditEntry.digest(new byte[] {1}),
            AuditEntry.digest("after".getBytes(StandardCharsets.UTF_8)));
    var bare =
        new AuditEntry("bob", AuditActions.USER_CREATED, "user:eve", "r", full.at(), null, null);

    assertThat(AuditEntryJson.read(AuditEntryJson.write(full))).isEqualTo(full);
    assertThat(AuditEntryJson.read(AuditEntryJson.write(bare))).isEqualTo(bare);
  }

  @Test
  void shouldNameTheMissingFieldWhenAnEntryIsIncomplete() {
    assertThatThrownBy(
            () -> AuditEntryJson.read("{\"actor\":\"a\"}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at");
  }

  @Test
  void shouldDigestAsLowerCaseHexSha256() {
    assertThat(AuditEntry.digest("abc".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }
}
