package io.sealtrail.custody.state;

import io.sealtrail.avro.state.CustodyState;
import io.sealtrail.avro.state.CustodyStatus;
import io.sealtrail.avro.state.SerialKind;
import io.sealtrail.custody.event.Observation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Folds one event into a serial's custody state: extends the hash chain, records the event as the
 * head, and applies what the event says, about the serial itself or about the container holding it.
 * A late event (older than the newest one seen) adds its facts but does not move the serial back to
 * where it was then.
 */
public final class CustodyFold {
  private CustodyFold() {}

  /** The state after {@code event}; {@code prior} is null for a serial never seen. */
  public static CustodyState apply(CustodyState prior, Observation event) {
    return fold(prior, event.serial(), event, Transitions.of(event));
  }

  /**
   * The state of {@code serial}, held in a container, after {@code containerEvent} moved, sealed or
   * unpacked that container. The event joins the serial's hash chain too.
   */
  public static CustodyState carry(CustodyState prior, String serial, Observation containerEvent) {
    return fold(prior, serial, containerEvent, CarriedTransitions.of(containerEvent));
  }

  /**
   * The state of {@code chained}'s serial with every fact placed by event time: {@code folded} (the
   * serial's events in the order they were folded, the last one late) folded again sorted by when
   * they happened, keeping the hash chain and the last event of the order they were folded in. A
   * late event can then move the serial on, e.g. a commissioning reported after an attestation.
   */
  public static CustodyState inTimeOrder(CustodyState chained, List<Observation> folded) {
    return CustodyState.newBuilder(byTime(chained.getSerial(), folded))
        .setChainHash(chained.getChainHash())
        .setEventCount(chained.getEventCount())
        .setLastEventId(chained.getLastEventId())
        .setLastEventType(chained.getLastEventType())
        .setLastPayloadSha256(chained.getLastPayloadSha256())
        .build();
  }

  /**
   * The state of {@code serial} from {@code folded} (its own events and its containers', in the
   * order they were folded) sorted by when they happened; null when there are none.
   */
  public static CustodyState byTime(String serial, List<Observation> folded) {
    List<Observation> byTime = new ArrayList<>(folded);
    byTime.sort(Comparator.comparing(Observation::occurredAt)); // stable: ties keep fold order
    CustodyState state = null;
    for (Observation event : byTime) {
      state = event.serial().equals(serial) ? apply(state, event) : carry(state, serial, event);
    }
    return state;
  }

  /** True when {@code event} happened before the newest event folded into {@code prior}. */
  public static boolean isLate(CustodyState prior, Observation event) {
    return prior != null && event.occurredAt().isBefore(prior.getLastSeenAt());
  }

  private static CustodyState fold(
      CustodyState prior, String serial, Observation event, Transition transition) {
    CustodyState.Builder next =
        prior == null ? fresh(serial, event) : CustodyState.newBuilder(prior);
    boolean late = isLate(prior, event);
    if (!late) {
      next.setSite(event.site()).setCustodian(event.partnerId()).setLastSeenAt(event.occurredAt());
    }
    transition.apply(event, next, late);
    return extendChain(next, event).build();
  }

  private static CustodyState.Builder fresh(String serial, Observation event) {
    return CustodyState.newBuilder()
        .setSerial(serial)
        .setKind(SerialKind.UNKNOWN)
        .setStatus(CustodyStatus.UNKNOWN)
        .setContents(new ArrayList<>())
        .setComponents(new ArrayList<>())
        .setFirstSeenAt(event.occurredAt())
        .setLastSeenAt(event.occurredAt())
        .setChainHash(ChainHash.GENESIS)
        .setEventCount(0L);
  }

  private static CustodyState.Builder extendChain(CustodyState.Builder next, Observation event) {
    if (event.occurredAt().isBefore(next.getFirstSeenAt())) {
      next.setFirstSeenAt(event.occurredAt());
    }
    return next.setLastEventId(event.eventId())
        .setLastEventType(event.type())
        .setLastPayloadSha256(event.payloadSha256())
        .setChainHash(ChainHash.next(next.getChainHash(), event.payloadSha256()))
        .setEventCount(next.getEventCount() + 1);
  }
}
