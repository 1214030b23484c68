package io.sealtrail.custody.query;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.sealtrail.custody.inventory.InventoryStores;
import io.sealtrail.custody.lineage.LineageStores;
import io.sealtrail.custody.process.CustodyStores;
import io.sealtrail.platform.query.StoreReader;
import java.time.Instant;

/**
 * The read routes of custody-stream; each is answered by the instance owning its key. Store reads
 * block, so the routes run on the blocking executor, not the event loop.
 */
@Controller("/v1")
@Requires(beans = StoreReader.class)
@ExecuteOn(TaskExecutors.BLOCKING)
final class QueryController {
  private static final String CSV = "text/csv";
  private static final String JSON_LD = "application/ld+json";
  private final StoreReader reader;
  private final CustodyQueries queries;

  QueryController(StoreReader reader, CustodyQueries queries) {
    this.reader = reader;
    this.queries = queries;
  }

  @Get("/serials/{serial}")
  HttpResponse<?> serial(HttpRequest<?> request, @PathVariable String serial) {
    return reader.answer(
        request, CustodyStores.STATE, serial, () -> HttpResponse.ok(queries.state(serial)));
  }

  @Get("/serials/{serial}/history")
  HttpResponse<?> history(
      HttpRequest<?> request, @PathVariable String serial, @Nullable @QueryValue String format) {
    boolean epcis = "epcis".equalsIgnoreCase(format);
    return reader.answer(
        request,
        CustodyStores.HISTORY,
        serial,
        () ->
            epcis
                ? HttpResponse.ok(queries.epcisHistory(serial, Instant.now())).contentType(JSON_LD)
                : HttpResponse.ok(queries.history(serial)));
  }

  @Get("/lots/{lot}/trace")
  HttpResponse<?> trace(
      HttpRequest<?> request, @PathVariable String lot, @Nullable @QueryValue String format) {
    if ("epcis".equalsIgnoreCase(format)) {
      return reader.answer(
          request,
          LineageStores.LOT_SUPPLIERS,
          lot,
          () ->
              HttpResponse.ok(queries.epcisTrace(lot, request, Instant.now()))
                  .contentType(JSON_LD));
    }
    boolean csv = wantsCsv(request, format);
    return reader.answer(
        request,
        LineageStores.LOT_SUPPLIERS,
        lot,
        () -> {
          TraceResponse trace = queries.trace(lot, request);
          return csv
              ? HttpResponse.ok(TraceCsv.render(trace)).contentType(CSV + "; charset=utf-8")
              : HttpResponse.ok(trace);
        });
  }

  @Get("/firmware/{product}")
  HttpResponse<?> firmware(HttpRequest<?> request, @PathVariable String product) {
    return reader.answer(
        request, InventoryStores.COUNTS, product, () -> HttpResponse.ok(queries.firmware(product)));
  }

  private static boolean wantsCsv(HttpRequest<?> request, @Nullable String format) {
    if (format != null) {
      return "csv".equalsIgnoreCase(format);
    }
    return request
        .getHeaders()
        .findFirst(HttpHeaders.ACCEPT)
        .map(a -> a.contains(CSV))
        .orElse(false);
  }
}
