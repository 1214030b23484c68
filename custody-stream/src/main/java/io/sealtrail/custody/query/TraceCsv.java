package io.sealtrail.custody.query;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A lot trace as RFC 4180 CSV, one device a row, for the recall team's spreadsheets. */
final class TraceCsv {
  static final String HEADER =
      "lot,supplier,serial,parts,status,custodian,site,container,product,firmwareVersion,"
          + "firmwareImageSha256";

  private TraceCsv() {}

  static String render(TraceResponse trace) {
    StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
    for (TracedDevice d : trace.devices()) {
      List<String> cells = new ArrayList<>();
      cells.add(trace.lot());
      cells.add(trace.supplier());
      cells.add(d.serial());
      cells.add(d.parts());
      cells.add(d.status());
      cells.add(d.custodian());
      cells.add(d.site());
      cells.add(d.container());
      cells.add(d.product());
      cells.add(d.firmwareVersion());
      cells.add(d.firmwareImageSha256());
      csv.append(cells.stream().map(TraceCsv::cell).collect(Collectors.joining(",")))
          .append("\r\n");
    }
    return csv.toString();
  }

  private static String cell(String value) {
    if (value == null) {
      return "";
    }
    if (value.contains(",")
        || value.contains("\"")
        || value.contains("\n")
        || value.contains("\r")) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
    return value;
  }
}
