package io.sealtrail.anomaly.lifecycle;

import io.sealtrail.avro.alert.Alert;
import io.sealtrail.avro.alert.AlertAction;
import io.sealtrail.avro.alert.AlertCommand;
import io.sealtrail.avro.alert.AlertStatus;
import io.sealtrail.avro.alert.AlertTransition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The lifecycle rules of an operator's {@link AlertCommand} (the value of {@code
 * custody.alert-commands}, its Avro schema the wire contract): which status it moves an alert to,
 * whether it may, and the alert it makes.
 */
public final class AlertCommands {
  private AlertCommands() {}

  /**
   * The command that moves {@code alertId} to {@code target}; {@code by} and {@code note} may be
   * null.
   *
   * @throws IllegalArgumentException for {@code OPEN}: an alert cannot be reopened
   */
  public static AlertCommand to(String alertId, AlertStatus target, String by, String note) {
    Objects.requireNonNull(alertId, "alertId");
    AlertAction action =
        switch (Objects.requireNonNull(target, "target")) {
          case ACKNOWLEDGED -> AlertAction.ACKNOWLEDGE;
          case RESOLVED -> AlertAction.RESOLVE;
          case OPEN ->
              throw new IllegalArgumentException(
                  "an alert cannot be reopened; a recurrence opens a new one");
        };
    return new AlertCommand(alertId, action, by, note);
  }

  /** The status {@code command} moves its alert to. */
  public static AlertStatus target(AlertCommand command) {
    return switch (command.getAction()) {
      case ACKNOWLEDGE -> AlertStatus.ACKNOWLEDGED;
      case RESOLVE -> AlertStatus.RESOLVED;
    };
  }

  /** Whether {@code alert} may move to the target: forward only, never out of RESOLVED. */
  public static boolean appliesTo(AlertCommand command, Alert alert) {
    return alert.getStatus().ordinal() < target(command).ordinal();
  }

  /**
   * {@code alert} in the target status, the transition appended to its history; a blank who or note
   * is recorded as none.
   */
  public static Alert applyTo(AlertCommand command, Alert alert, Instant at) {
    AlertStatus target = target(command);
    List<AlertTransition> history = new ArrayList<>(alert.getHistory());
    history.add(
        new AlertTransition(target, at, orNull(command.getBy()), orNull(command.getNote())));
    return Alert.newBuilder(alert).setStatus(target).setHistory(history).build();
  }

  private static String orNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
