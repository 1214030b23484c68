package io.sealtrail.epcis;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Times as exports write them: UTC with exactly three fractional digits. Sealtrail stores UTC and
 * does not know a site's offset, so every event says {@code +00:00} (never {@code Z}, which the
 * schema refuses for {@code eventTimeZoneOffset}).
 */
public final class EpcisTime {
  /** The {@code eventTimeZoneOffset} of every exported event. */
  public static final String UTC_OFFSET = "+00:00";

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.UTC);

  private EpcisTime() {}

  public static String format(Instant instant) {
    return FORMAT.format(instant);
  }
}
