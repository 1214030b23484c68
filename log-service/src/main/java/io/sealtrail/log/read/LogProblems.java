package io.sealtrail.log.read;

import io.micronaut.http.HttpStatus;
import io.sealtrail.platform.http.Problem;
import io.sealtrail.platform.http.ProblemException;
import java.time.Duration;

/** The log's answers to requests it cannot serve, each with its stable problem type. */
public final class LogProblems {
  private LogProblems() {}

  /** 400: a query parameter missing, not a number, or a range the log cannot have. */
  public static ProblemException badRange(String parameter, String detail) {
    return new ProblemException(
        Problem.of("bad-range", "Bad log range", HttpStatus.BAD_REQUEST, detail)
            .field("/" + parameter));
  }

  /** 404: the log holds no event with that partner and id. */
  static ProblemException unknownEvent(String partnerId, String eventId) {
    return new ProblemException(
        Problem.of(
            "unknown-event",
            "Event not in the log",
            HttpStatus.NOT_FOUND,
            "the log holds no event "
                + eventId
                + " of partner "
                + partnerId
                + " (an event just accepted is appended within seconds)"));
  }

  /** 404 with Retry-After: the event is in the log but after the latest checkpoint. */
  static ProblemException notYetCheckpointed(long index, long size, Duration retry) {
    return new ProblemException(
        Problem.of(
            "not-yet-checkpointed",
            "Event not yet in a checkpoint",
            HttpStatus.NOT_FOUND,
            "the event is leaf "
                + index
                + " but the latest checkpoint covers "
                + size
                + " leaves; the next one will include it"),
        ProblemException.retryAfter(retry),
        null);
  }

  /** 404: no checkpoint was signed at that tree size. */
  static ProblemException noCheckpointAt(long size) {
    return new ProblemException(
        Problem.of(
                "no-checkpoint-at-size",
                "No checkpoint of that size",
                HttpStatus.NOT_FOUND,
                "the log signed no checkpoint of size "
                    + size
                    + "; ask for a size from a checkpoint it published, or leave treeSize out")
            .field("/treeSize"));
  }
}
