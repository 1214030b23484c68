package io.sealtrail.anomaly.lifecycle;

import io.sealtrail.avro.alert.Alert;
import io.sealtrail.avro.alert.AlertStatus;
import io.sealtrail.avro.alert.AlertTransition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An operator's command on one alert, read from {@code custody.alert-commands}: the value is {@code
 * ACKNOWLEDGE} or {@code RESOLVE}, then optionally a tab and who, then a tab and a note.
 */
public record AlertCommand(AlertStatus target, String by, String note) {
  public AlertCommand {
    Objects.requireNonNull(target, "target");
    if (target == AlertStatus.OPEN) {
      throw new IllegalArgumentException(
          "an alert cannot be reopened; a recurrence opens a new one");
    }
  }

  /** The command in {@code value}, or empty when it is not one: a bad command changes nothing. */
  public static Optional<AlertCommand> parse(String value) {
    String[] parts = value == null ? new String[0] : value.split("\t", 3);
    if (parts.length == 0 || !(parts[0].equals("ACKNOWLEDGE") || parts[0].equals("RESOLVE"))) {
      return Optional.empty();
    }
    AlertStatus target =
        parts[0].equals("RESOLVE") ? AlertStatus.RESOLVED : AlertStatus.ACKNOWLEDGED;
    return Optional.of(new AlertCommand(target, part(parts, 1), part(parts, 2)));
  }

  /** The command's value on the commands topic; tabs and line breaks in who become spaces. */
  public String format() {
    String verb = target == AlertStatus.RESOLVED ? "RESOLVE" : "ACKNOWLEDGE";
    return verb + "\t" + clean(by) + "\t" + (note == null ? "" : note);
  }

  private static String clean(String value) {
    return value == null ? "" : value.replaceAll("[\\t\\r\\n]", " ");
  }

  /** Whether {@code alert} may move to the target: forward only, never out of RESOLVED. */
  public boolean appliesTo(Alert alert) {
    return alert.getStatus().ordinal() < target.ordinal();
  }

  /** {@code alert} in the target status, the transition appended to its history. */
  public Alert applyTo(Alert alert, Instant at) {
    List<AlertTransition> history = new ArrayList<>(alert.getHistory());
    history.add(new AlertTransition(target, at, by, note));
    return Alert.newBuilder(alert).setStatus(target).setHistory(history).build();
  }

  private static String part(String[] parts, int i) {
    return parts.length > i && !parts[i].isBlank() ? parts[i] : null;
  }
}
