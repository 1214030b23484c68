package io.sealtrail.custody.hold;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.sealtrail.avro.hold.Hold;
import java.time.Instant;

/** A hold as the holds API answers it; times RFC 3339, absent fields null. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record HoldView(
    String holdId,
    String kind,
    String id,
    String reason,
    String alertId,
    String placedBy,
    String placedAt,
    String status,
    String releasedBy,
    String releasedAt,
    String releaseReason) {
  public static HoldView of(Hold hold) {
    return new HoldView(
        hold.getHoldId(),
        hold.getKind().name(),
        hold.getId(),
        hold.getReason(),
        hold.getAlertId(),
        hold.getPlacedBy(),
        hold.getPlacedAt().toString(),
        hold.getStatus().name(),
        hold.getReleasedBy(),
        text(hold.getReleasedAt()),
        hold.getReleaseReason());
  }

  private static String text(Instant at) {
    return at == null ? null : at.toString();
  }
}
