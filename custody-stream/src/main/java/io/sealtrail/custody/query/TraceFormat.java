package io.sealtrail.custody.query;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import java.util.Locale;
import java.util.Optional;

/**
 * The formats of a trace: {@code ?format=} first, else the Accept header (NDJSON, JSON-LD for
 * EPCIS, CSV), else JSON. An unknown {@code format} is a client's mistake, answered 400 with the
 * formats there are.
 */
enum TraceFormat {
  JSON("application/json"),
  CSV("text/csv; charset=utf-8"),
  NDJSON("application/x-ndjson"),
  EPCIS("application/ld+json");

  final String contentType;

  TraceFormat(String contentType) {
    this.contentType = contentType;
  }

  static TraceFormat of(HttpRequest<?> request, @Nullable String format) {
    if (format != null) {
      try {
        return valueOf(format.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new BadQueryException(
            "format must be json, csv, ndjson or epcis, got '" + format + "'");
      }
    }
    Optional<String> accept = request.getHeaders().findFirst(HttpHeaders.ACCEPT);
    if (accept.map(a -> a.contains("application/x-ndjson")).orElse(false)) {
      return NDJSON;
    }
    // Asked for JSON-LD, a trace is the EPCIS document (it was the JSON trace, which is not what
    // such a client accepts).
    if (accept.map(a -> a.contains(EPCIS.contentType)).orElse(false)) {
      return EPCIS;
    }
    return accept.map(a -> a.contains("text/csv")).orElse(false) ? CSV : JSON;
  }
}
