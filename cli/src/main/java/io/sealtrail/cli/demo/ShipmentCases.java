package io.sealtrail.cli.demo;

import static io.sealtrail.cli.demo.EventFactory.detail;
import static io.sealtrail.cli.demo.EventFactory.texts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealtrail.avro.common.AlertType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The shipment cases (issue #17), each on a sealed returnable box of its own that the carrier ships
 * empty from the factory, so that no device's custody changes: one received at the other dock
 * (DIVERSION), one whose receipt names the supplier's site as its origin (ROUTE_MISMATCH), one
 * never received within the lane's maximum transit time (SHIPMENT_OVERDUE, raised by time alone:
 * nothing about it follows its shipping). The demo's own shipments take 4 and 6 days against the
 * default maximum of 7.
 */
record ShipmentCases(DemoCast cast, EventFactory f, Instant end, String run) {
  /** Longer than the default lane maximum (7 days) before the story ends. */
  static final Duration OVERDUE_BY = Duration.ofDays(1);

  List<InjectedCase> cases() {
    return List.of(diverted(), misrouted(), overdue());
  }

  private InjectedCase diverted() {
    return receivedAtHamburg(
        "diverted to the other dock", AlertType.DIVERSION, "D", Sites.ROTTERDAM, Sites.FACTORY, 30);
  }

  private InjectedCase misrouted() {
    return receivedAtHamburg(
        "received as from another origin",
        AlertType.ROUTE_MISMATCH,
        "R",
        Sites.HAMBURG,
        Sites.SUPPLIER,
        29);
  }

  /**
   * A box shipped from the factory to {@code toSite} {@code hoursAgo} before the story ends, and
   * received at Hamburg a day later as from {@code fromSite}.
   */
  private InjectedCase receivedAtHamburg(
      String name, AlertType expected, String tag, String toSite, String fromSite, int hoursAgo) {
    String box = box(tag);
    Instant departure = end.minus(Duration.ofHours(hoursAgo));
    DemoEvent shipped = shipped(box, toSite, departure);
    DemoEvent received =
        received(box, Sites.HAMBURG, fromSite, departure.plus(Duration.ofHours(24)));
    return new InjectedCase(
        name, expected, box, Twist.adding(shipped, received), received.eventId());
  }

  private InjectedCase overdue() {
    String box = box("O");
    DemoEvent shipped =
        shipped(box, Sites.ROTTERDAM, end.minus(Duration.ofDays(7)).minus(OVERDUE_BY));
    return new InjectedCase(
        "shipment never received",
        AlertType.SHIPMENT_OVERDUE,
        box,
        Twist.adding(shipped),
        shipped.eventId());
  }

  private String box(String tag) {
    return "BOX-" + run + "-" + tag;
  }

  private DemoEvent shipped(String box, String toSite, Instant at) {
    ObjectNode detail = detail().put("shipmentId", "SH-" + box).put("toSite", toSite);
    detail.set("manifest", texts(List.of()));
    detail.put("sealId", "SEAL-" + box);
    return f.event(cast.carrier(), "SHIPPED", Sites.FACTORY, null, box, at, detail);
  }

  private DemoEvent received(String box, String site, String fromSite, Instant at) {
    ObjectNode detail = detail().put("shipmentId", "SH-" + box).put("fromSite", fromSite);
    detail.set("scanned", texts(List.of()));
    detail.put("sealId", "SEAL-" + box).put("sealIntact", true);
    return f.event(cast.dockAt(site), "RECEIVED", site, "GATE-1", box, at, detail);
  }
}
