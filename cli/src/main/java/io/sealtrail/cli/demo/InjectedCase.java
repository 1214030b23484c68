package io.sealtrail.cli.demo;

import io.sealtrail.avro.common.AlertType;
import java.util.Objects;
import java.util.Set;

/**
 * One tampering case the demo injects: what it is, the alert that must follow (type and subject as
 * the alert names it), its change to the supply chain, and the serials whose own alerts it explains
 * (the devices of an attestation-failure burst each fail too).
 *
 * @param trigger the event whose submission starts the clock to the alert
 */
public record InjectedCase(
    String name,
    AlertType expected,
    String subject,
    Twist twist,
    String trigger,
    Set<String> explainedSerials) {
  public InjectedCase {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(twist, "twist");
    Objects.requireNonNull(trigger, "trigger");
    explainedSerials = Set.copyOf(explainedSerials);
  }

  InjectedCase(String name, AlertType expected, String subject, Twist twist, String trigger) {
    this(name, expected, subject, twist, trigger, Set.of());
  }

  /**
   * Whether {@code type} raised on {@code alertSubject} is this case's alert or one it explains.
   */
  public boolean explains(AlertType type, String alertSubject) {
    return (type == expected && subject.equals(alertSubject))
        || (type == AlertType.ATTESTATION_FAILED && explainedSerials.contains(alertSubject));
  }
}
