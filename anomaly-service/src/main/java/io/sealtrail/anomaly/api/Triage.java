package io.sealtrail.anomaly.api;

import io.micronaut.http.HttpStatus;
import io.sealtrail.avro.common.AlertOutcome;
import io.sealtrail.platform.http.Problem;
import io.sealtrail.platform.http.ProblemException;
import java.util.Arrays;
import java.util.List;

/**
 * What an assignment and a resolution must say, checked before anything is written: a 400 {@code
 * invalid-request} naming the field ({@code /assignee}, {@code /outcome}, {@code /note}) otherwise.
 */
final class Triage {
  /** The outcomes an analyst may give; {@code UNKNOWN} is only the schema's reader default. */
  static final List<String> OUTCOMES =
      Arrays.stream(AlertOutcome.values())
          .filter(o -> o != AlertOutcome.UNKNOWN)
          .map(Enum::name)
          .toList();

  private static final int MAX_TEXT = 2000;

  private Triage() {}

  static String assignee(CommandBody body) {
    return required(body == null ? null : body.assignee(), "assignee", "who the alert goes to");
  }

  static AlertOutcome outcome(CommandBody body) {
    String outcome =
        required(body == null ? null : body.outcome(), "outcome", "one of " + OUTCOMES);
    if (!OUTCOMES.contains(outcome)) {
      throw invalid("outcome", "outcome " + outcome + " is not one of " + OUTCOMES);
    }
    return AlertOutcome.valueOf(outcome);
  }

  static String resolutionNote(CommandBody body) {
    return required(body == null ? null : body.note(), "note", "why it is resolved");
  }

  private static String required(String value, String field, String expected) {
    if (value == null || value.isBlank()) {
      throw invalid(field, field + " is required: " + expected);
    }
    String text = value.strip();
    if (text.length() > MAX_TEXT) {
      throw invalid(field, field + " is longer than " + MAX_TEXT + " characters");
    }
    return text;
  }

  private static ProblemException invalid(String field, String detail) {
    return new ProblemException(
        Problem.of("invalid-request", "Request is invalid", HttpStatus.BAD_REQUEST, detail)
            .field("/" + field));
  }
}
