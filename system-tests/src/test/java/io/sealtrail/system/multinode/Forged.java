package io.sealtrail.system.multinode;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Submissions ingest must reject: events claiming the partner but signed with a key it never
 * registered (UNKNOWN_KEY). On custody.rejected they make rejection-spike cohorts (the claimed
 * partner, the key, the site) whose windows, short here, close within seconds, so that the spike
 * charts have cohorts spread over the anomaly instances.
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

  /**
   * A properties file for anomaly-service with rejection windows of 10 s that close 2 s after their
   * last hit (defaults: an hour and 5 minutes), so that the charts fill during the scenario.
   */
  static Path anomalySettings(Path work) throws IOException {
    Path file = work.resolve("anomaly-service.properties");
    if (!Files.exists(file)) {
      Files.writeString(
          file,
          String.join(
              "\n",
              "sealtrail.anomaly.rejection-spike.window=PT10S",
              "sealtrail.anomaly.rejection-spike.grace=PT2S",
              "sealtrail.anomaly.rejection-spike.settle=PT2S",
              "sealtrail.anomaly.rejection-spike.wall-settle=PT2S",
              ""));
    }
    return file;
  }
}
