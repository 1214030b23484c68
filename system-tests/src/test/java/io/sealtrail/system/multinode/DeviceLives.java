package io.sealtrail.system.multinode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The events of the scenario: every serial is assembled, sealed, checked and scanned, one round
 * each, by the one partner; every third serial's seal is found broken, which custody-stream must
 * report exactly once as SEAL_BROKEN.
 */
final class DeviceLives {
  static final int ROUNDS = 4;
  // An hour ago, so that no round is in the future of the ingest clock (CLOCK_SKEW).
  private static final Instant T0 =
      Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

  private final List<String> serials;

  DeviceLives(int serials) {
    this.serials =
        IntStream.range(0, serials).mapToObj(i -> String.format("GWX1-%04d", i)).toList();
  }

  List<String> serials() {
    return serials;
  }

  static boolean sealBroken(int index) {
    return index % 3 == 0;
  }

  static String eventId(String serial, int round) {
    return serial + "-" + round;
  }

  /** The event JSON of {@code round} for the serial at {@code index}. */
  String event(int index, int round) {
    String serial = serials.get(index);
    String seal = "S-" + serial;
    String detail =
        switch (round) {
          case 0 ->
              "{\"product\":\"GWX1\",\"bomRevision\":\"A\",\"components\":[{\"partNumber\":\"CPU-A53\",\"lot\":\"LOT-7\"}]}";
          case 1 -> "{\"sealId\":\"" + seal + "\"}";
          case 2 -> "{\"sealId\":\"" + seal + "\",\"intact\":" + !sealBroken(index) + "}";
          case 3 -> "{}";
          default -> throw new IllegalArgumentException("no round " + round);
        };
    String type = List.of("ASSEMBLED", "SEAL_APPLIED", "SEAL_CHECKED", "SCANNED").get(round);
    return "{\"eventId\":\"%s\",\"type\":\"%s\",\"occurredAt\":\"%s\",\"partnerId\":\"%s\",\"site\":\"factory-1\",\"subject\":\"%s\",\"detail\":%s}"
        .formatted(
            eventId(serial, round), type, T0.plusSeconds(60L * round), Partner.ID, serial, detail);
  }
}
