package io.sealtrail.custody.detect;

import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.common.EventType;
import io.sealtrail.custody.event.Observation;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * UNKNOWN_SERIAL for a serial that turns up inside a container (packed, in a shipped manifest, or
 * scanned on receipt) but was never assembled or received on its own. A supplier packs and ships
 * goods before they are in our custody, so its events are not judged; the receipt that brings them
 * in is. Judged once, at the first appearance in custody, and held for the grace: the serial's own
 * birth may be reported late.
 */
public final class UnknownCarriedSerial {
  static final String SUPPLIER = "SUPPLIER";
  private static final Set<EventType> APPEARANCES =
      EnumSet.of(EventType.PACKED, EventType.SHIPPED, EventType.RECEIVED);

  private UnknownCarriedSerial() {}

  /** True when {@code containerEvent} brings what it holds into custody, so it is judged. */
  public static boolean judges(Observation containerEvent) {
    return APPEARANCES.contains(containerEvent.type())
        && !containerEvent.reportedByPartnerWithRole(SUPPLIER);
  }

  /** True when {@code event} is a birth of {@code serial} itself, which makes it known. */
  public static boolean isBirthOf(String serial, Observation event) {
    return event.serial().equals(serial) && UnknownSerialDetector.BIRTHS.contains(event.type());
  }

  /** The finding on {@code serial}, held in a container, given what its history already shows. */
  public static Optional<Finding> judge(
      String serial, Observation containerEvent, SerialPast past) {
    if (!judges(containerEvent) || past.born() || past.judgedInCustody()) {
      return Optional.empty();
    }
    String summary =
        serial
            + " was never assembled or received but is in "
            + containerEvent.serial()
            + " ("
            + containerEvent.type()
            + ")";
    return Optional.of(
        Finding.of(
                AlertType.UNKNOWN_SERIAL,
                containerEvent,
                summary,
                Map.of(
                    "eventType",
                    containerEvent.type().name(),
                    "container",
                    containerEvent.serial()))
            .unless(new Awaiting.AnyOf(UnknownSerialDetector.BIRTHS)));
  }

  /**
   * What a serial's history shows before a container event reaches it: a birth of its own, or an
   * earlier appearance in custody that was judged already.
   */
  public record SerialPast(boolean born, boolean judgedInCustody) {
    /** A serial never seen. */
    public static final SerialPast NONE = new SerialPast(false, false);
  }
}
