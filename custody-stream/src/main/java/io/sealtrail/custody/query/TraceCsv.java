package io.sealtrail.custody.query;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A lot trace as RFC 4180 CSV, one device a row, for the recall team's spreadsheets. Every value
 * comes from partners' events, so a cell a spreadsheet would run as a formula is neutralised (OWASP
 * CSV injection) and every cell that needs it is quoted.
 */
final class TraceCsv {
  static final String HEADER =
      "lot,supplier,serial,parts,status,custodian,site,container,product,firmwareVersion,"
          + "firmwareImageSha256,customer,hold,lastSeenAt,depth,via";
  static final String LINE_BREAK = "\r\n";

  /** First characters that make Excel, LibreOffice or Google Sheets read a cell as a formula. */
  private static final Set<Character> FORMULA_STARTS = Set.of('=', '+', '-', '@', '\t', '\r', '\n');

  /** Characters that end or split an unquoted field (`;` is the separator in many locales). */
  private static final String NEEDS_QUOTES = ",\";\r\n\t'";

  private TraceCsv() {}

  static String render(TraceResponse trace) {
    StringBuilder csv = new StringBuilder(HEADER).append(LINE_BREAK);
    for (TracedDevice d : trace.devices()) {
      csv.append(row(trace.lot(), trace.supplier(), d)).append(LINE_BREAK);
    }
    return csv.toString();
  }

  /** One device's row, without its line break; {@code via} joined with {@code >}. */
  static String row(String supplier, TraceLine line) {
    return row(line.lot(), supplier, line.traced());
  }

  private static String row(String lot, String supplier, TracedDevice d) {
    return Stream.of(
            lot,
            supplier,
            d.serial(),
            d.parts(),
            d.status(),
            d.custodian(),
            d.site(),
            d.container(),
            d.product(),
            d.firmwareVersion(),
            d.firmwareImageSha256(),
            d.customer(),
            d.holds().isEmpty() ? null : d.holds().get(0),
            d.lastSeenAt(),
            Integer.toString(d.depth()),
            String.join(">", d.via()))
        .map(TraceCsv::cell)
        .collect(Collectors.joining(","));
  }

  /** One field: empty for no value, neutralised, and quoted with inner quotes doubled if needed. */
  static String cell(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    String safe = FORMULA_STARTS.contains(value.charAt(0)) ? "'" + value : value;
    boolean quote =
        safe.chars().anyMatch(c -> NEEDS_QUOTES.indexOf(c) >= 0) || !safe.strip().equals(safe);
    return quote ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
  }
}
