package io.sealtrail.custody.detect;

import io.sealtrail.avro.alert.Violation;
import io.sealtrail.avro.common.EventType;
import io.sealtrail.avro.event.Shipped;
import io.sealtrail.custody.event.Observation;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a late event could still bring to clear a finding within the grace. It is kept in the held
 * violation's attributes ({@value #KEY} and {@code awaiting.*}), so a restart loses nothing.
 */
public sealed interface Awaiting
    permits Awaiting.Nothing,
        Awaiting.AnyOf,
        Awaiting.Shipment,
        VerifyingKey,
        Release,
        Accounting,
        NoWithdrawal,
        Appraisal {
  String KEY = "awaiting";

  /** Nothing can clear the finding: it is final. */
  Awaiting NOTHING = new Nothing();

  /** True when {@code event} clears the finding. */
  boolean metBy(Observation event);

  /** True when what has arrived elsewhere by now, e.g. on another partition, clears it. */
  default boolean metIn(ReleaseView releases) {
    return false;
  }

  /**
   * The violation {@code held} amounts to once it is due: none when what arrived elsewhere clears
   * it ({@link #metIn}), else the violation, completed with what arrived when that matters.
   */
  default Optional<Violation> settle(Violation held, ReleaseView releases) {
    return metIn(releases) ? Optional.empty() : Optional.of(held);
  }

  /**
   * True when what clears the finding is processed on another partition, whose progress in event
   * time may trail this one's: the end of the grace in this partition's stream time does not prove
   * it was not reported in time, every other partition's watermark must have passed it too.
   */
  default boolean metElsewhere() {
    return false;
  }

  /**
   * True when what clears the finding is an event about the same serial that another partner than
   * the finding's usually reports (a supplier's assembly, for a dock's receipt of the carton
   * holding it): ingest keeps one partner's order, not two partners', so it is held on the wall
   * clock at least the report settle too ({@link Settles#report}).
   */
  default boolean reportedByAnother() {
    return false;
  }

  /**
   * True when what clears the finding is a later event, within the grace after the finding's: only
   * such an event clears it, and it is held until that window has passed too.
   */
  default boolean looksAhead() {
    return false;
  }

  /** This expectation as violation attributes. */
  Map<String, String> attributes();

  /** The expectation recorded in a held violation's attributes. */
  static Awaiting from(Map<String, String> attributes) {
    String kind = attributes.getOrDefault(KEY, "");
    if (kind.equals(AnyOf.KIND)) {
      return AnyOf.from(attributes);
    }
    if (kind.equals(Shipment.KIND)) {
      return new Shipment(attributes.get(Shipment.ID));
    }
    if (kind.equals(Release.KIND)) {
      return new Release(attributes.get(Release.PRODUCT), attributes.get(Release.IMAGE));
    }
    if (kind.equals(NoWithdrawal.KIND)) {
      return NoWithdrawal.from(attributes);
    }
    if (kind.equals(Accounting.KIND)) {
      return Accounting.from(attributes);
    }
    if (kind.equals(Appraisal.KIND)) {
      return Appraisal.from(attributes);
    }
    if (kind.equals(VerifyingKey.KIND)) {
      return VerifyingKey.from(attributes);
    }
    return NOTHING;
  }

  /** A final finding. */
  record Nothing() implements Awaiting {
    @Override
    public boolean metBy(Observation event) {
      return false;
    }

    @Override
    public Map<String, String> attributes() {
      return Map.of();
    }
  }

  /** Any event of one of these types clears it, e.g. the assembly of a serial seen too early. */
  record AnyOf(Set<EventType> types) implements Awaiting {
    static final String KIND = "event-type";
    static final String TYPES = "awaiting.types";

    public AnyOf {
      types = Set.copyOf(types);
    }

    static AnyOf from(Map<String, String> attributes) {
      return new AnyOf(
          Arrays.stream(attributes.get(TYPES).split(","))
              .map(EventType::valueOf)
              .collect(Collectors.toCollection(() -> EnumSet.noneOf(EventType.class))));
    }

    @Override
    public boolean metBy(Observation event) {
      return types.contains(event.type());
    }

    @Override
    public boolean reportedByAnother() {
      return true;
    }

    @Override
    public Map<String, String> attributes() {
      String names = types.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
      return Map.of(KEY, KIND, TYPES, names);
    }
  }

  /** The shipping of this shipment clears it: a receipt reported before its shipment. */
  record Shipment(String shipmentId) implements Awaiting {
    static final String KIND = "shipment";
    static final String ID = "awaiting.shipmentId";

    @Override
    public boolean metBy(Observation event) {
      return event
          .detail(Shipped.class)
          .map(s -> s.getShipmentId().equals(shipmentId))
          .orElse(false);
    }

    @Override
    public boolean reportedByAnother() {
      return true; // the shipper's, for the receiver's receipt
    }

    @Override
    public Map<String, String> attributes() {
      return Map.of(KEY, KIND, ID, shipmentId);
    }
  }
}
