package io.sealtrail.anomaly.lifecycle;

import io.sealtrail.avro.alert.Alert;
import io.sealtrail.avro.alert.AlertAction;
import io.sealtrail.avro.alert.AlertCommand;
import io.sealtrail.avro.alert.AlertStatus;
import io.sealtrail.avro.alert.AlertTransition;
import io.sealtrail.avro.common.AlertOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The lifecycle rules of an operator's {@link AlertCommand} (the value of {@code
 * custody.alert-commands}, its Avro schema the wire contract): which status it moves an alert to,
 * whether it may, and the alert it makes. An assignment keeps the status and records the assignee;
 * a resolution records its outcome.
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
    return AlertCommand.newBuilder()
        .setAlertId(alertId)
        .setAction(action)
        .setBy(by)
        .setNote(note)
        .build();
  }

  /** The command that resolves {@code alertId} judged as {@code outcome}. */
  public static AlertCommand resolve(String alertId, String by, AlertOutcome outcome, String note) {
    AlertCommand command = to(alertId, AlertStatus.RESOLVED, by, note);
    command.setOutcome(Objects.requireNonNull(outcome, "outcome"));
    return command;
  }

  /** The command that gives {@code alertId} to {@code assignee}, its status unchanged. */
  public static AlertCommand assign(String alertId, String by, String assignee, String note) {
    return AlertCommand.newBuilder()
        .setAlertId(Objects.requireNonNull(alertId, "alertId"))
        .setAction(AlertAction.ASSIGN)
        .setBy(by)
        .setNote(note)
        .setAssignee(Objects.requireNonNull(assignee, "assignee"))
        .build();
  }

  /** The status {@code command} moves its alert to ({@code alert}'s own for an assignment). */
  public static AlertStatus target(AlertCommand command, AlertStatus current) {
    return switch (command.getAction()) {
      case ACKNOWLEDGE -> AlertStatus.ACKNOWLEDGED;
      case RESOLVE -> AlertStatus.RESOLVED;
      case ASSIGN -> current;
    };
  }

  /** The status a status-changing command moves its alert to. */
  public static AlertStatus target(AlertCommand command) {
    return target(command, AlertStatus.OPEN);
  }

  /**
   * Whether {@code alert} may take the command: forward only, never out of RESOLVED; an assignment
   * to any unresolved alert.
   */
  public static boolean appliesTo(AlertCommand command, Alert alert) {
    if (command.getAction() == AlertAction.ASSIGN) {
      return alert.getStatus() != AlertStatus.RESOLVED && command.getAssignee() != null;
    }
    return alert.getStatus().ordinal() < target(command).ordinal();
  }

  /**
   * {@code alert} in the target status, the transition appended to its history; a blank who or note
   * is recorded as none.
   */
  public static Alert applyTo(AlertCommand command, Alert alert, Instant at) {
    AlertStatus target = target(command, alert.getStatus());
    List<AlertTransition> history = new ArrayList<>(alert.getHistory());
    history.add(
        AlertTransition.newBuilder()
            .setStatus(target)
            .setAt(at)
            .setBy(orNull(command.getBy()))
            .setNote(orNull(command.getNote()))
            .setAssignee(orNull(command.getAssignee()))
            .setOutcome(command.getAction() == AlertAction.RESOLVE ? command.getOutcome() : null)
            .build());
    Alert.Builder next = Alert.newBuilder(alert).setStatus(target).setHistory(history);
    switch (command.getAction()) {
      case ASSIGN -> next.setAssignee(orNull(command.getAssignee()));
      case RESOLVE -> next.setOutcome(command.getOutcome());
      case ACKNOWLEDGE -> {}
    }
    return next.build();
  }

  private static String orNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
