package io.sealtrail.custody.detect;

import io.sealtrail.avro.state.CustodyState;
import io.sealtrail.custody.event.Observation;
import java.util.List;
import java.util.stream.Collectors;

/** The single-serial detections of the catalogue, judged together on every event. */
public final class Catalogue {
  private final List<Detector> detectors;

  private Catalogue(List<Detector> detectors) {
    this.detectors = List.copyOf(detectors);
  }

  /** Every detection this module builds, with {@code rules} and the approved releases. */
  public static Catalogue of(DetectionRules rules, ReleaseView releases) {
    return new Catalogue(
        List.of(
            new UnknownSerialDetector(),
            new DecommissionDetector(),
            new InvalidTransitionDetector(),
            new TransitDetector(rules),
            new SealDetector(),
            new ManifestDetector(),
            new ComponentSubstitutionDetector(),
            new DualApprovalDetector(),
            new UnauthorizedFirmwareDetector(releases),
            new FirmwareRollbackDetector(),
            new QuoteDetector(),
            new CounterDetector(),
            new AttestationFailedDetector()));
  }

  /** The detections judged on a serial when an event of the container holding it applies to it. */
  public static Catalogue carried() {
    return new Catalogue(
        List.of(
            new DecommissionDetector(), new TwoContainersDetector(), new ContainerSealDetector()));
  }

  /**
   * Everything {@code event} shows against {@code prior} (null for a serial never seen) and the
   * serial's {@code past}.
   */
  public List<Finding> judge(CustodyState prior, Observation event, Past past) {
    return detectors.stream()
        .flatMap(d -> d.detect(prior, event, past).stream())
        .collect(Collectors.toList());
  }
}
