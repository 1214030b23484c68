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

  /**
   * The detections judged as each event arrives, with {@code rules} and the approved releases: the
   * event alone shows them, or a finding is held until the grace ends ({@link Awaiting}).
   */
  public static Catalogue of(DetectionRules rules, ReleaseView releases) {
    return new Catalogue(
        List.of(
            new UnknownSerialDetector(),
            new InvalidTransitionDetector(),
            new SealDetector(),
            new DualApprovalDetector(),
            new UnauthorizedFirmwareDetector(releases),
            new QuoteDetector(),
            new CounterDetector(),
            new AttestationFailedDetector(),
            new SupplierDetector(rules)));
  }

  /**
   * The detections that compare an event with the serial as it was when the event happened: judged
   * once every event before it in event time must have arrived (the grace after it), against the
   * fold of those events, so that the order they arrived in changes nothing; attestations are
   * appraised against the approved {@code releases}.
   */
  public static Catalogue inTimeOrder(DetectionRules rules, ReleaseView releases) {
    return new Catalogue(
        List.of(
            new DecommissionDetector(),
            new InServiceFlashDetector(),
            new TransitDetector(rules),
            new RouteDetector(),
            new SealMismatchDetector(),
            new ManifestDetector(),
            new UnpackingDetector(),
            new ComponentSubstitutionDetector(),
            new FirmwareRollbackDetector(),
            new MeasurementDetector(releases),
            new ReplayDetector()));
  }

  /** The detections judged on a serial as an event of the container holding it reaches it. */
  public static Catalogue carried() {
    return new Catalogue(List.of(new ContainerSealDetector()));
  }

  /**
   * The detections judged on a serial, once every event before it must have arrived, for an event
   * of the container holding it, against the serial as it was then.
   */
  public static Catalogue carriedInTimeOrder() {
    return new Catalogue(List.of(new DecommissionDetector(), new TwoContainersDetector()));
  }

  /** This catalogue and {@code more}, judged after the others, e.g. a detector over a store. */
  public Catalogue with(Detector more) {
    List<Detector> all = new java.util.ArrayList<>(detectors);
    all.add(more);
    return new Catalogue(all);
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
