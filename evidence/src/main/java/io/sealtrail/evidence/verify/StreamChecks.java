package io.sealtrail.evidence.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sequence numbers per (partner, stream), read from the signed payloads: both fields or neither, a
 * whole number from 0, and no number used by two events. A stream numbers a producer's events about
 * every subject, so a bundle about one serial holds only some of its numbers: the numbers between
 * them are listed as notes (events about other subjects, or never received — which the platform
 * raises as SEQUENCE_GAP), not as failures.
 */
final class StreamChecks {
  private final Map<String, TreeMap<Long, String>> streams = new LinkedHashMap<>();
  private final List<Failure> failures;

  StreamChecks(List<Failure> failures) {
    this.failures = failures;
  }

  /** Takes one event; an event folded into several serials of the bundle counts once. */
  void add(ReadEvent event) {
    JsonNode payload = event.payload();
    JsonNode stream = payload.get("stream");
    JsonNode sequence = payload.get("sequence");
    if (stream == null && sequence == null) {
      return;
    }
    String item = event.item() + " sequence";
    if (stream == null || sequence == null) {
      failures.add(new Failure(item, "stream and sequence go together; the event has one"));
      return;
    }
    if (!stream.isTextual() || !sequence.canConvertToExactIntegral() || sequence.asLong() < 0) {
      failures.add(
          new Failure(item, "stream must be text and sequence a whole number from 0: " + payload));
      return;
    }
    String key = event.entry().partnerId() + "/" + stream.asText();
    String eventId = event.entry().eventId();
    String before =
        streams.computeIfAbsent(key, k -> new TreeMap<>()).putIfAbsent(sequence.asLong(), eventId);
    if (before != null && !before.equals(eventId)) {
      failures.add(
          new Failure(
              "stream " + key + " sequence " + sequence.asLong(),
              "used by two events, " + before + " and " + eventId));
    }
  }

  /** The numbers of each stream the bundle does not hold, between the first and last it does. */
  void notes(List<String> notes) {
    streams.forEach(
        (key, numbers) -> {
          Long previous = null;
          for (long number : numbers.keySet()) {
            if (previous != null && number > previous + 1) {
              notes.add(
                  "stream "
                      + key
                      + ": "
                      + (number - previous - 1 == 1
                          ? "number " + (previous + 1)
                          : "numbers " + (previous + 1) + "-" + (number - 1))
                      + " not in this bundle (events about other subjects)");
            }
            previous = number;
          }
        });
  }

  int count() {
    return streams.size();
  }
}
