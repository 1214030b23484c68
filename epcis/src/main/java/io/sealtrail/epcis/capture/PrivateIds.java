package io.sealtrail.epcis.capture;

import io.sealtrail.epcis.Identifiers;
import java.util.List;

/**
 * Reads Sealtrail's private identifier URIs back, refusing any other identifier with its pointer.
 */
final class PrivateIds {
  private PrivateIds() {}

  static String serial(String uri, String at) {
    return one(uri, at, "serial", "https://id.sealtrail.example/serial/{serial}");
  }

  static String site(String uri, String at) {
    return one(uri, at, "site", "https://id.sealtrail.example/site/{site}");
  }

  static String party(String uri, String at) {
    return one(uri, at, "party", "https://id.sealtrail.example/party/{partnerId}");
  }

  static String shipment(String uri, String at) {
    return one(uri, at, "shipment", "https://id.sealtrail.example/shipment/{shipmentId}");
  }

  static String product(String uri, String at) {
    return one(uri, at, "product", "https://id.sealtrail.example/product/{product}");
  }

  /** [partNumber, lot] of a lot class URI. */
  static List<String> lot(String uri, String at) {
    return Identifiers.parse(uri, "lot", 2)
        .orElseThrow(() -> foreign(uri, at, "https://id.sealtrail.example/lot/{partNumber}/{lot}"));
  }

  /** [site, station] of a read point, or [site] when the read point is a site. */
  static List<String> readPoint(String uri, String at) {
    var station = Identifiers.parse(uri, "site", 3).filter(s -> s.get(1).equals("station"));
    if (station.isPresent()) {
      return List.of(station.get().get(0), station.get().get(2));
    }
    return Identifiers.parse(uri, "site", 1)
        .orElseThrow(
            () -> foreign(uri, at, "https://id.sealtrail.example/site/{site}/station/{station}"));
  }

  private static String one(String uri, String at, String kind, String form) {
    return Identifiers.parse(uri, kind, 1)
        .map(values -> values.get(0))
        .orElseThrow(() -> foreign(uri, at, form));
  }

  private static CaptureException foreign(String uri, String at, String form) {
    return new CaptureException(
        RejectionCode.FOREIGN_IDENTIFIER, at, "'" + uri + "' is not of the form " + form);
  }
}
