package io.sealtrail.custody.query;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.sealtrail.custody.inventory.InventoryStores;
import io.sealtrail.custody.lineage.LineageStores;
import io.sealtrail.custody.process.CustodyStores;
import io.sealtrail.platform.query.StoreReader;
import io.sealtrail.platform.query.StoreUnavailableException;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The read routes of custody-stream; each is answered by the instance owning its key. Store reads
 * block, so the routes run on the blocking executor, not the event loop. Traces are streamed: the
 * instance owning the lot (or supplier) writes rows as it reads them, and another instance relays
 * the owner's answer as it arrives.
 */
@Controller("/v1")
@Requires(beans = StoreReader.class)
@ExecuteOn(TaskExecutors.BLOCKING)
final class QueryController {
  private static final String JSON_LD = "application/ld+json";
  private static final String TEXT_CSV = "text/csv";
  private static final String NDJSON = "application/x-ndjson";
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
  @Produces({MediaType.APPLICATION_JSON, TEXT_CSV, NDJSON, JSON_LD})
  HttpResponse<?> trace(
      HttpRequest<?> request, @PathVariable String lot, @Nullable @QueryValue String format) {
    TraceFormat as = TraceFormat.of(request, format);
    TraceFilter.from(request); // a bad filter is 400 here, before any instance is asked
    if (as == TraceFormat.EPCIS) {
      return reader.answer(
          request,
          LineageStores.LOT_SUPPLIERS,
          lot,
          () ->
              HttpResponse.ok(queries.epcisTrace(lot, request, Instant.now()))
                  .contentType(JSON_LD));
    }
    return streamed(
        request,
        LineageStores.LOT_SUPPLIERS,
        lot,
        () -> queries.trace(lot, as, request).response());
  }

  @Get("/suppliers/{supplier}/trace")
  @Produces({MediaType.APPLICATION_JSON, TEXT_CSV, NDJSON})
  HttpResponse<?> supplierTrace(
      HttpRequest<?> request, @PathVariable String supplier, @Nullable @QueryValue String format) {
    TraceFormat as = TraceFormat.of(request, format);
    TraceFilter.from(request); // a bad filter is 400 here, before any instance is asked
    return streamed(
        request,
        LineageStores.SUPPLIER_LOTS,
        supplier,
        () -> queries.supplierTrace(supplier, as, request).response());
  }

  @Get("/components/{serial}/where-used")
  HttpResponse<?> whereUsed(
      HttpRequest<?> request, @PathVariable String serial, @Nullable @QueryValue Integer depth) {
    if (depth != null && depth < 1) {
      throw new BadQueryException("depth must be 1 or more, got " + depth);
    }
    int maxDepth = depth == null ? Integer.MAX_VALUE : depth;
    return reader.answer(
        request,
        LineageStores.COMPONENT_PARENTS,
        serial,
        () -> HttpResponse.ok(queries.whereUsed(serial, maxDepth, request)));
  }

  @Get("/firmware/{product}")
  HttpResponse<?> firmware(HttpRequest<?> request, @PathVariable String product) {
    return reader.answer(
        request, InventoryStores.COUNTS, product, () -> HttpResponse.ok(queries.firmware(product)));
  }

  /**
   * A streamed answer for {@code key} of {@code store}: made here when this instance owns it, else
   * relayed from the owner as it arrives (never read whole, unlike {@link StoreReader#answer}).
   */
  private HttpResponse<?> streamed(
      HttpRequest<?> request, String store, String key, Supplier<HttpResponse<?>> local) {
    Optional<HostInfo> owner = reader.remoteOwner(store, key);
    if (owner.isEmpty()) {
      return StoreReader.readLocally(store, local);
    }
    if (StoreReader.forwarded(request)) {
      throw new StoreUnavailableException(key + " is moving between instances");
    }
    String raw = request.getUri().getRawQuery();
    return Upstream.relay(
        owner.get(), request.getUri().getRawPath() + (raw == null ? "" : "?" + raw), request);
  }
}
