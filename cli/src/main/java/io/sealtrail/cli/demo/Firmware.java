package io.sealtrail.cli.demo;

/** The product and its firmware images: two approved releases, and what devices measure. */
final class Firmware {
  static final String PRODUCT = "GW-200";
  static final String OLD = "1.3.0";
  static final String CURRENT = "1.4.0";

  private Firmware() {}

  static String image(String version) {
    return EventFactory.sha256Hex(PRODUCT + " " + version + " production image");
  }

  /** An image nobody released: an engineering build that reached the line. */
  static String unapprovedImage() {
    return EventFactory.sha256Hex(PRODUCT + " " + CURRENT + " engineering build");
  }

  /** What a healthy device running {@code version} measures. */
  static String goodMeasurement(String version) {
    return EventFactory.sha256Hex(PRODUCT + " " + version + " measured boot");
  }

  static String badMeasurement(String serial) {
    return EventFactory.sha256Hex(serial + " unexpected boot chain");
  }
}
