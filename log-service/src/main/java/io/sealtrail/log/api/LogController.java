package io.sealtrail.log.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.sealtrail.log.read.LogProblems;
import io.sealtrail.log.read.LogReader;

/**
 * The transparency log's routes: the checkpoint and the key for anyone, proofs and entries for the
 * reading roles ({@link ReaderFilter}). Proofs and entries are JSON with standard base64 hashes.
 */
@Controller("/v1/log")
@Requires(beans = LogReader.class)
// Proofs read RocksDB: not on the event loop.
@ExecuteOn(TaskExecutors.BLOCKING)
final class LogController {
  private static final String TEXT = "text/plain; charset=utf-8";

  private final LogReader log;

  LogController(LogReader log) {
    this.log = log;
  }

  @Get(uri = "/checkpoint", produces = TEXT)
  HttpResponse<String> checkpoint() {
    return HttpResponse.ok(log.checkpoint()).contentType(TEXT);
  }

  @Get(uri = "/key", produces = TEXT)
  HttpResponse<String> key() {
    return HttpResponse.ok(log.key() + "\n").contentType(TEXT);
  }

  @Get(uri = "/proof/inclusion", produces = MediaType.APPLICATION_JSON)
  HttpResponse<String> inclusion(
      @Nullable @QueryValue String partnerId,
      @Nullable @QueryValue String eventId,
      @Nullable @QueryValue String treeSize) {
    return json(
        log.inclusion(
            required("partnerId", partnerId),
            required("eventId", eventId),
            treeSize == null ? null : number("treeSize", treeSize)));
  }

  @Get(uri = "/proof/consistency", produces = MediaType.APPLICATION_JSON)
  HttpResponse<String> consistency(
      @Nullable @QueryValue String from, @Nullable @QueryValue String to) {
    return json(
        log.consistency(number("from", required("from", from)), number("to", required("to", to))));
  }

  @Get(uri = "/entries", produces = MediaType.APPLICATION_JSON)
  HttpResponse<String> entries(
      @Nullable @QueryValue String start, @Nullable @QueryValue String end) {
    return json(
        log.entries(
            number("start", required("start", start)), end == null ? null : number("end", end)));
  }

  private static HttpResponse<String> json(String body) {
    return HttpResponse.ok(body).contentType(MediaType.APPLICATION_JSON_TYPE);
  }

  private static String required(String name, String value) {
    if (value == null || value.isEmpty()) {
      throw LogProblems.badRange(name, "query parameter " + name + " is required");
    }
    return value;
  }

  /** A size or index: decimal digits only, at most 18 of them (below 2^63). */
  private static long number(String name, String value) {
    if (!value.matches("[0-9]{1,18}")) {
      throw LogProblems.badRange(
          name, name + " must be a whole number from 0, in decimal digits: \"" + value + "\"");
    }
    return Long.parseLong(value);
  }
}
