package io.sealtrail.cli.demo;

import io.sealtrail.avro.alert.Alert;
import io.sealtrail.avro.alert.SubjectKind;
import io.sealtrail.avro.common.AlertType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The alerts seen, judged against the scenario: which injected case each one detects, which others
 * the cases explain, which are the expected noise, which are false, and which concern serials of
 * earlier runs (not this demo's).
 */
record Detections(
    List<Detected> cases,
    List<AlertWatch.Seen> alsoExplained,
    List<AlertWatch.Seen> noise,
    List<AlertWatch.Seen> unexplained,
    int earlier) {

  /** One injected case and the alert that detected it, if any, with the time it took. */
  record Detected(
      InjectedCase injected, Optional<AlertWatch.Seen> alert, Optional<Duration> after) {
    boolean found() {
      return alert.isPresent();
    }
  }

  static Detections judge(Scenario scenario, List<AlertWatch.Seen> alerts, SubmissionTally tally) {
    List<Detected> cases = new ArrayList<>();
    for (InjectedCase c : scenario.cases()) {
      Optional<AlertWatch.Seen> hit =
          alerts.stream().filter(s -> isDetection(c, s.alert())).findFirst();
      Instant sent = tally.sentAt(c.trigger());
      Optional<Duration> after =
          hit.filter(h -> sent != null).map(h -> Duration.between(sent, h.firstSeenAt()));
      cases.add(new Detected(c, hit, after.map(d -> d.isNegative() ? Duration.ZERO : d)));
    }
    List<AlertWatch.Seen> alsoExplained = new ArrayList<>();
    List<AlertWatch.Seen> noise = new ArrayList<>();
    List<AlertWatch.Seen> unexplained = new ArrayList<>();
    int earlier = 0;
    for (AlertWatch.Seen s : alerts) {
      Alert a = s.alert();
      String subject = a.getSubject().getId();
      if (cases.stream().anyMatch(c -> c.alert().filter(s::equals).isPresent())) {
        continue;
      }
      if (scenario.cases().stream().anyMatch(c -> c.explains(a.getType(), SpikeCohorts.of(a)))) {
        alsoExplained.add(s);
        continue;
      }
      if (a.getType() == AlertType.ATTESTATION_FAILED
          && scenario.noise().failingSerials().contains(subject)) {
        noise.add(s);
      } else if (a.getSubject().getKind() == SubjectKind.SERIAL
          && !subject.contains(scenario.run())) {
        earlier++;
      } else {
        unexplained.add(s);
      }
    }
    return new Detections(cases, alsoExplained, noise, unexplained, earlier);
  }

  private static boolean isDetection(InjectedCase c, Alert a) {
    return c.detectedBy(a.getType(), SpikeCohorts.of(a));
  }

  boolean allDetected() {
    return cases.stream().allMatch(Detected::found);
  }

  long detectedCount() {
    return cases.stream().filter(Detected::found).count();
  }

  boolean passed() {
    return allDetected() && unexplained.isEmpty();
  }
}
