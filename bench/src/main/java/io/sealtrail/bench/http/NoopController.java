package io.sealtrail.bench.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import java.util.Arrays;

/**
 * The HTTP baseline: routes that do nothing but what every route does (read the body, write an
 * answer). A bean of this module, so every Micronaut server the bench starts (ingest's, custody's
 * query API) serves it next to its real routes, through the same filters.
 */
@Controller("/v1/bench")
public final class NoopController {
  private static final String EMPTY_JSON = "{}";

  /** Reads the body like {@code POST /v1/events} does, then answers at once. */
  @Post(
      value = "/noop",
      consumes = {MediaType.APPLICATION_JSON, "application/x-ndjson"})
  HttpResponse<String> post(@Body @Nullable byte[] body) {
    return HttpResponse.ok(EMPTY_JSON).contentType(MediaType.APPLICATION_JSON_TYPE);
  }

  @Get("/noop")
  HttpResponse<String> get() {
    return HttpResponse.ok(EMPTY_JSON).contentType(MediaType.APPLICATION_JSON_TYPE);
  }

  /** {@code size} bytes of JSON-safe filler: a body as large as a real answer, made for free. */
  @Get("/bytes/{size}")
  HttpResponse<byte[]> bytes(@PathVariable int size) {
    byte[] body = new byte[size];
    Arrays.fill(body, (byte) ' ');
    return HttpResponse.ok(body).contentType(MediaType.APPLICATION_JSON_TYPE);
  }
}
