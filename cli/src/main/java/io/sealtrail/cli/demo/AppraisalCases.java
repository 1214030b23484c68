package io.sealtrail.cli.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealtrail.avro.common.AlertType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cases of attestation appraisal and unusual update patterns (#17): a field attestation that
 * says PASS for a measurement the release does not expect, a device answering with a nonce it used
 * before, and a burst of reflashes at one factory station by one operator. Each takes devices no
 * other case takes: the last uneventful field devices, and quarantined devices of the failure burst
 * that stay at the factory (so a reflash there is no travel).
 */
final class AppraisalCases {
  static final int REFLASHED = 8;
  static final String ROGUE_STATION = "FLASH-9";
  static final String ROGUE_OPERATOR = "op-night";

  private final DemoCast cast;
  private final EventFactory f;
  private final Chain chain;
  private final Instant end;

  AppraisalCases(DemoCast cast, EventFactory f, Chain chain, Instant end) {
    this.cast = cast;
    this.f = f;
    this.chain = chain;
    this.end = end;
  }

  List<InjectedCase> cases(Cohorts cohorts, List<Device> burst, Map<Device, String> sites) {
    List<Device> uneventful = cohorts.uneventful();
    Device misreported = uneventful.get(uneventful.size() - 1);
    Device replaying = uneventful.get(uneventful.size() - 2);
    return List.of(
        passedWithUnexpectedMeasurement(misreported),
        replayedNonce(replaying, sites.get(replaying)),
        reflashBurst(burst.subList(0, REFLASHED)));
  }

  /** The device measured an unexpected boot chain, and the field tool reported PASS anyway. */
  private InjectedCase passedWithUnexpectedMeasurement(Device d) {
    DemoEvent attested =
        chain
            .get(d.serial() + "/field-2")
            .edited(
                json -> {
                  ObjectNode detail = (ObjectNode) json.get("detail");
                  detail.put("measurementSha256", Firmware.badMeasurement(d.serial()));
                  Quotes.requote(d.serial(), detail, d.key());
                });
    return new InjectedCase(
        "PASS for a measurement the release does not expect",
        AlertType.MEASUREMENT_MISMATCH,
        d.serial(),
        Twist.replacing(attested),
        attested.eventId());
  }

  /** A later attestation answering the nonce of the device's field attestation 2 again. */
  private InjectedCase replayedNonce(Device d, String site) {
    String measurement = Firmware.goodMeasurement(Firmware.CURRENT);
    ObjectNode quote = EventFactory.attestation(d.serial(), d.key(), 3, measurement, true);
    String usedNonce =
        EventFactory.attestation(d.serial(), d.key(), 2, measurement, true).get("nonce").asText();
    quote.put("nonce", usedNonce);
    Quotes.requote(d.serial(), quote, d.key());
    DemoEvent replay =
        f.event(
            cast.fieldService(),
            "ATTESTED",
            site,
            null,
            d.serial(),
            end.minus(Duration.ofMinutes(30)),
            quote);
    return new InjectedCase(
        "attestation with a nonce used before",
        AlertType.ATTESTATION_REPLAY,
        d.serial(),
        Twist.adding(replay),
        replay.eventId());
  }

  /**
   * Quarantined devices reflashed with the current release within seconds, at a station and by an
   * operator that flash nothing else: a spike of the station, the operator and the product.
   */
  private InjectedCase reflashBurst(List<Device> devices) {
    // Inside one 20 s window of the demo's flash spikes, whatever the run's end.
    long window = Duration.ofSeconds(20).toMillis();
    long start = end.minus(Duration.ofMinutes(20)).toEpochMilli();
    Instant first = Instant.ofEpochMilli(start - Math.floorMod(start, window) + 1000);
    List<DemoEvent> flashes = new ArrayList<>();
    for (int i = 0; i < devices.size(); i++) {
      Device d = devices.get(i);
      ObjectNode fw = EventFactory.detail().put("product", Firmware.PRODUCT);
      fw.put("version", Firmware.CURRENT).put("imageSha256", Firmware.image(Firmware.CURRENT));
      flashes.add(
          f.event(
                  cast.flashing(),
                  "FIRMWARE_FLASHED",
                  Sites.FACTORY,
                  ROGUE_STATION,
                  d.serial(),
                  first.plusSeconds(i),
                  fw,
                  cast.approver())
              .edited(json -> json.put("operator", ROGUE_OPERATOR)));
    }
    return new InjectedCase(
        "burst of reflashes at one station",
        AlertType.FLASH_SPIKE,
        "station=" + ROGUE_STATION,
        new Twist(Map.of(), flashes),
        flashes.get(0).eventId(),
        // The same flashes counted by their operator and their product.
        Set.of("operator=" + ROGUE_OPERATOR, "product=" + Firmware.PRODUCT),
        Set.of());
  }
}
