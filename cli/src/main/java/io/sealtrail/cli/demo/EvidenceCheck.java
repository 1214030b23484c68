package io.sealtrail.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.sealtrail.cli.query.Paths;
import io.sealtrail.cli.query.QueryClient;
import io.sealtrail.cli.query.QueryFailure;
import io.sealtrail.evidence.bundle.BundleJson;
import io.sealtrail.evidence.verify.BundleVerifier;
import io.sealtrail.evidence.verify.VerificationReport;
import io.sealtrail.translog.note.NoteVerifierKey;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The demo's last step, an auditor's: one device's evidence bundle fetched with the auditor token
 * and verified in this process with the verifier of {@code sealtrail evidence verify}, against the
 * log's published key. A bundle answers 503 until the log's next checkpoint covers the device's
 * last event, so it is asked again for a while.
 */
final class EvidenceCheck {
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final Duration AGAIN = Duration.ofSeconds(2);

  private EvidenceCheck() {}

  /** The first device of the recall trace that is in service, or the first one. */
  static Optional<String> deviceOf(JsonNode trace) {
    if (trace == null || trace.path("devices").isEmpty()) {
      return Optional.empty();
    }
    for (JsonNode device : trace.path("devices")) {
      if ("IN_SERVICE".equals(device.path("status").asText())) {
        return Optional.of(device.path("serial").asText());
      }
    }
    return Optional.of(trace.path("devices").get(0).path("serial").asText());
  }

  /** The device's bundle verified; throws {@link QueryFailure} when it cannot be had in time. */
  static VerificationReport verify(QueryClient auditor, QueryClient open, String serial)
      throws IOException {
    NoteVerifierKey key = NoteVerifierKey.parse(open.text("/v1/log/key", "text/plain").strip());
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (true) {
      try {
        String bundle =
            auditor.text(Paths.of("/v1/serials/", serial, "/evidence"), "application/json");
        return new BundleVerifier(key)
            .verify(BundleJson.read(bundle.getBytes(StandardCharsets.UTF_8)));
      } catch (QueryFailure e) {
        if (e.exitCode() != QueryFailure.UNAVAILABLE || System.nanoTime() > deadline) {
          throw e;
        }
      }
      try {
        Thread.sleep(AGAIN.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while fetching evidence");
      }
    }
  }
}
