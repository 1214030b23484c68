package io.sealtrail.custody.query;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.sealtrail.custody.inventory.InventoryStores;
import io.sealtrail.platform.query.StoreReader;

/**
 * {@code GET /v1/firmware/{product}/exposure?imageSha256=}: the fielded devices still running an
 * image, answered by the product's owner (the reading roles, as every {@code /v1/firmware} route).
 */
@Controller("/v1/firmware")
@Requires(beans = StoreReader.class)
@ExecuteOn(TaskExecutors.BLOCKING)
final class ExposureController {
  private final StoreReader reader;
  private final FirmwareExposure exposure;

  ExposureController(StoreReader reader) {
    this.reader = reader;
    this.exposure = new FirmwareExposure(reader);
  }

  @Get("/{product}/exposure")
  HttpResponse<?> exposure(
      HttpRequest<?> request,
      @PathVariable String product,
      @Nullable @QueryValue String imageSha256) {
    // Refused before forwarding: a malformed image is the client's mistake wherever it is asked.
    String image = FirmwareExposure.imageOf(imageSha256);
    return reader.answer(
        request,
        InventoryStores.COUNTS,
        product,
        () -> HttpResponse.ok(exposure.of(product, image, request)));
  }
}
