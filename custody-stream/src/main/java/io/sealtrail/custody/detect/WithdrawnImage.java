package io.sealtrail.custody.detect;

import io.sealtrail.avro.alert.Violation;
import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.common.Evidence;
import io.sealtrail.avro.event.FirmwareFlashed;
import io.sealtrail.avro.event.FirmwareWithdrawn;
import io.sealtrail.custody.event.Observation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * UNAUTHORIZED_FIRMWARE for a flash of a withdrawn image: its summary, and the withdrawal (when and
 * why) as evidence and attributes, whether the withdrawal was known at the flash or arrived later
 * within the grace.
 */
final class WithdrawnImage {
  static final String WITHDRAWN_AT = "withdrawnAt";
  static final String REASON = "withdrawalReason";
  static final String WITHDRAWN_VERSION = "withdrawnVersion";

  private WithdrawnImage() {}

  /** True when {@code withdrawal} was in force at {@code flashedAt}: dated at or before it. */
  static boolean covers(Observation withdrawal, Instant flashedAt) {
    return !withdrawal.occurredAt().isAfter(flashedAt);
  }

  /** The final finding for {@code flash}, whose image {@code withdrawal} had withdrawn. */
  static Finding of(Observation flash, FirmwareFlashed image, Observation withdrawal) {
    Map<String, String> attributes = new HashMap<>(attributesOf(image));
    attributes.putAll(facts(withdrawal));
    return Finding.of(
            AlertType.UNAUTHORIZED_FIRMWARE,
            flash,
            summary(flash.serial(), image.getProduct(), image.getVersion(), withdrawal),
            attributes)
        .citing(Optional.of(withdrawal), note(withdrawal));
  }

  /**
   * The check of {@code flash} of a released image held for the grace: it is raised only if a
   * withdrawal dated at or before the flash arrives meanwhile ({@link NoWithdrawal}).
   */
  static Finding pending(Observation flash, FirmwareFlashed image) {
    String summary =
        String.format(
            "%s flashed with %s %s, image %s, pending a withdrawal reported late",
            flash.serial(), image.getProduct(), image.getVersion(), image.getImageSha256());
    return Finding.of(AlertType.UNAUTHORIZED_FIRMWARE, flash, summary, attributesOf(image))
        .unless(new NoWithdrawal(image.getProduct(), image.getImageSha256(), flash.occurredAt()));
  }

  /** The held check {@code held}, raised because {@code withdrawal} arrived within the grace. */
  static Violation complete(Violation held, Observation withdrawal) {
    Map<String, String> attributes = new HashMap<>(held.getAttributes());
    attributes.putAll(facts(withdrawal));
    return Violation.newBuilder(held)
        .setSummary(
            summary(
                held.getSerial(),
                held.getAttributes().get("product"),
                held.getAttributes().get("firmwareVersion"),
                withdrawal))
        .setEvidence(withWithdrawal(held.getEvidence(), withdrawal))
        .setAttributes(attributes)
        .build();
  }

  static Map<String, String> attributesOf(FirmwareFlashed image) {
    return Map.of(
        "product", image.getProduct(),
        "firmwareVersion", image.getVersion(),
        "imageSha256", image.getImageSha256());
  }

  private static Map<String, String> facts(Observation withdrawal) {
    FirmwareWithdrawn w = withdrawal.detail(FirmwareWithdrawn.class).orElseThrow();
    return Map.of(
        WITHDRAWN_AT, withdrawal.occurredAt().toString(),
        REASON, w.getReason(),
        WITHDRAWN_VERSION, w.getVersion());
  }

  private static String summary(
      String serial, String product, String version, Observation withdrawal) {
    FirmwareWithdrawn w = withdrawal.detail(FirmwareWithdrawn.class).orElseThrow();
    return String.format(
        "%s flashed with %s %s, image %s, which was withdrawn at %s: %s",
        serial, product, version, w.getImageSha256(), withdrawal.occurredAt(), w.getReason());
  }

  private static List<Evidence> withWithdrawal(List<Evidence> evidence, Observation withdrawal) {
    List<Evidence> more = new ArrayList<>(evidence);
    more.add(withdrawal.evidence(note(withdrawal)));
    return more;
  }

  private static String note(Observation withdrawal) {
    return "the withdrawal of the image: "
        + withdrawal.detail(FirmwareWithdrawn.class).orElseThrow().getReason();
  }
}
