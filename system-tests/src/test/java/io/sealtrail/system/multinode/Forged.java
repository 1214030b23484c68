package io.sealtrail.system.multinode;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Submissions ingest must reject: events claiming the partner but signed with a key it never
 * registered (UNKNOWN_KEY). On custody.rejected they make rejection-spike cohorts (the claimed
 * partner, the key, the site) whose windows, short here ({@link InstanceEnv#anomaly}), close within
 * seconds, so that the spike charts have cohorts spread over the anomaly instances.
 */
final class Forged {
  static final int COUNT = 6;
  private final Partner impostor = new Partner();

  /** The envelopes, each a distinct event, all signed with the unregistered key. */
  List<String> envelopes() {
    Instant at = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
    return IntStream.range(0, COUNT)
        .mapToObj(
            i ->
                impostor.envelope(
                    ("{\"eventId\":\"forged-%d\",\"type\":\"SCANNED\",\"occurredAt\":\"%s\","
                            + "\"partnerId\":\"%s\",\"site\":\"factory-1\","
                            + "\"subject\":\"GWX1-FORGED-%d\",\"detail\":{}}")
                        .formatted(i, at, Partner.ID, i)))
        .toList();
  }

  /** Whether a rejection cohort list names the claimed partner and at least one other cohort. */
  static boolean listed(JsonNode cohorts) {
    boolean partner = false;
    for (JsonNode c : cohorts.get("cohorts")) {
      partner |=
          c.get("dimension").asText().equals("partner")
              && c.get("value").asText().equals(Partner.ID);
    }
    return partner && cohorts.get("cohorts").size() >= 2;
  }
}
