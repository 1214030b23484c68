package io.sealtrail.custody.campaign;

import io.sealtrail.avro.campaign.RecallState;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The moves a device may make in a campaign: {@code OPEN -> NOTIFIED -> RETURNED | REMEDIATED |
 * UNREACHABLE}. An owner who cannot be reached is found out only by trying, so UNREACHABLE comes
 * after NOTIFIED like the other outcomes; the three outcomes are final.
 */
final class RecallStates {
  private static final Map<RecallState, Set<RecallState>> NEXT =
      Map.of(
          RecallState.OPEN, EnumSet.of(RecallState.NOTIFIED),
          RecallState.NOTIFIED,
              EnumSet.of(RecallState.RETURNED, RecallState.REMEDIATED, RecallState.UNREACHABLE),
          RecallState.RETURNED, EnumSet.noneOf(RecallState.class),
          RecallState.REMEDIATED, EnumSet.noneOf(RecallState.class),
          RecallState.UNREACHABLE, EnumSet.noneOf(RecallState.class));

  private RecallStates() {}

  static boolean allowed(RecallState from, RecallState to) {
    return NEXT.get(from).contains(to);
  }

  /** Where a device in {@code from} may go next, for an error message. */
  static Set<RecallState> after(RecallState from) {
    return NEXT.get(from);
  }
}
