package io.sealtrail.epcis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sealtrail's private identifier URIs (reference §5): Sealtrail has no GS1 Company Prefix, so it
 * never mints {@code urn:epc:} or {@code id.gs1.org} strings, and names objects in a URI space it
 * controls instead. A serial is one global key in Sealtrail (the key of {@code custody.events}), so
 * its URI does not depend on who reports it or what kind of object it is.
 *
 * <pre>
 * serial   https://id.sealtrail.example/serial/{serial}
 * lot      https://id.sealtrail.example/lot/{partNumber}/{lot}      (class level: epcClass)
 * product  https://id.sealtrail.example/product/{product}           (class level: epcClass)
 * site     https://id.sealtrail.example/site/{site}
 * station  https://id.sealtrail.example/site/{site}/station/{station}
 * party    https://id.sealtrail.example/party/{partnerId}
 * shipment https://id.sealtrail.example/shipment/{shipmentId}       (bizTransaction)
 * </pre>
 *
 * Each {@code {…}} is one percent-encoded path segment, so every value reads back exactly.
 */
public final class Identifiers {
  /** The root of every private identifier. */
  public static final String BASE = "https://id.sealtrail.example/";

  private Identifiers() {}

  public static String serial(String serial) {
    return uri("serial", serial);
  }

  public static String lot(String partNumber, String lot) {
    return uri("lot", partNumber, lot);
  }

  public static String product(String product) {
    return uri("product", product);
  }

  public static String site(String site) {
    return uri("site", site);
  }

  public static String station(String site, String station) {
    return uri("site", site, "station", station);
  }

  public static String party(String partnerId) {
    return uri("party", partnerId);
  }

  /**
   * The id of an exported event: it names the signed payload, which is the event's own (a custody
   * event envelope). A payload that carries several custody events (an EPCIS capture) names each by
   * the partner and custody event id as well, unique per partner.
   */
  public static String event(String payloadSha256, String partnerId, String eventId) {
    return partnerId == null
        ? BASE + "event/" + payloadSha256
        : uri("event", payloadSha256, partnerId, eventId);
  }

  public static String shipment(String shipmentId) {
    return uri("shipment", shipmentId);
  }

  /**
   * The decoded segments after {@code kind} when {@code uri} is a private identifier of that kind
   * with exactly {@code count} values, e.g. {@code parse(uri, "lot", 2)} = [partNumber, lot].
   */
  public static Optional<List<String>> parse(String uri, String kind, int count) {
    String prefix = BASE + kind + "/";
    if (!uri.startsWith(prefix)) {
      return Optional.empty();
    }
    String[] segments = uri.substring(prefix.length()).split("/", -1);
    if (segments.length != count) {
      return Optional.empty();
    }
    List<String> values = new ArrayList<>(count);
    for (String segment : segments) {
      Optional<String> value = PercentEncoding.decode(segment);
      if (value.isEmpty()) {
        return Optional.empty();
      }
      values.add(value.get());
    }
    return Optional.of(values);
  }

  private static String uri(String kind, String... values) {
    StringBuilder uri = new StringBuilder(BASE).append(kind);
    for (String value : values) {
      uri.append('/').append(PercentEncoding.encode(value));
    }
    return uri.toString();
  }
}
