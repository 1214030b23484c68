package io.sealtrail.log.evidence;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.sealtrail.evidence.bundle.BundleJson;
import io.sealtrail.evidence.bundle.EvidenceBundle;

/**
 * The evidence bundles of a serial and of a lot ({@link EvidenceFilter}: recall, auditor, admin).
 */
@Controller("/v1")
@Requires(beans = EvidenceAssembler.class)
// Asks other services and reads RocksDB: not on the event loop.
@ExecuteOn(TaskExecutors.BLOCKING)
final class EvidenceController {
  private final EvidenceAssembler assembler;

  EvidenceController(EvidenceAssembler assembler) {
    this.assembler = assembler;
  }

  @Get(uri = "/serials/{serial}/evidence", produces = MediaType.APPLICATION_JSON)
  HttpResponse<String> serial(HttpRequest<?> request, @PathVariable String serial) {
    return json(assembler.serial(serial, credentials(request)));
  }

  @Get(uri = "/lots/{lot}/evidence", produces = MediaType.APPLICATION_JSON)
  HttpResponse<String> lot(HttpRequest<?> request, @PathVariable String lot) {
    return json(assembler.lot(lot, credentials(request)));
  }

  private static HttpResponse<String> json(EvidenceBundle bundle) {
    return HttpResponse.ok(BundleJson.write(bundle)).contentType(MediaType.APPLICATION_JSON_TYPE);
  }

  private static EvidenceSources.Credentials credentials(HttpRequest<?> request) {
    return new EvidenceSources.Credentials(
        request.getHeaders().get(HttpHeaders.AUTHORIZATION),
        request.getHeaders().get("X-Request-Id"));
  }
}
