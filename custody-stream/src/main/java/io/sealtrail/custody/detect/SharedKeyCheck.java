package io.sealtrail.custody.detect;

import io.sealtrail.avro.common.AlertType;
import io.sealtrail.custody.event.Observation;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CLONE_SUSPECTED when one device key is provisioned on two serials: the later provisioning (by
 * when it happened) is the suspect, with both provisionings as evidence.
 */
public final class SharedKeyCheck {
  private SharedKeyCheck() {}

  /** The finding, raised on the later serial, when two provisionings share {@code keyId}. */
  public static Optional<Finding> judge(String keyId, Observation first, Observation second) {
    if (first.serial().equals(second.serial())) {
      return Optional.empty();
    }
    Observation later = later(first, second);
    Observation earlier = earlier(first, second);
    String summary =
        "device key "
            + keyId
            + " of "
            + later.serial()
            + " was already provisioned on "
            + earlier.serial();
    return Optional.of(
        new Finding(
            AlertType.CLONE_SUSPECTED,
            summary,
            List.of(later.evidence(summary), earlier.evidence("first provisioning of the key")),
            Map.of("deviceKeyId", keyId, "otherSerial", earlier.serial()),
            Awaiting.NOTHING));
  }

  /** The provisioning that holds the key: the earlier of the two, the first seen on a tie. */
  public static Observation earlier(Observation first, Observation second) {
    return second.occurredAt().isBefore(first.occurredAt()) ? second : first;
  }

  /** The suspect provisioning: the other one. */
  public static Observation later(Observation first, Observation second) {
    return earlier(first, second) == first ? second : first;
  }
}
