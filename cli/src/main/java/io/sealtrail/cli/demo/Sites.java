package io.sealtrail.cli.demo;

import java.util.List;

/** Where the demo's events happen: a supplier, the factory, two docks and customer sites. */
final class Sites {
  static final String SUPPLIER = "TPE-S1";
  static final String FACTORY = "SZX-F1";
  static final String ROTTERDAM = "RTM-DC";
  static final String HAMBURG = "HAM-DC";
  static final String HEADQUARTERS = "HQ";
  static final List<String> DOCKS = List.of(ROTTERDAM, HAMBURG);
  static final List<String> CUSTOMERS =
      List.of(
          "CUST-BER-01",
          "CUST-MUC-02",
          "CUST-AMS-03",
          "CUST-PAR-04",
          "CUST-MAD-05",
          "CUST-MIL-06",
          "CUST-VIE-07",
          "CUST-WAW-08",
          "CUST-CPH-09",
          "CUST-OSL-10");

  private Sites() {}
}
