package io.sealtrail.anomaly.console;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.sealtrail.platform.http.Problem;

/**
 * Serves the security operations console: the page at {@code /}, its files under {@code /console/}.
 * No token is needed for the files; every data call the page makes carries one. Not tied to a
 * backend bean like the API controllers: the files hold no data, and the page says so when the API
 * it calls is not behind the same address.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class ConsoleController {
  /**
   * Only this origin's scripts, styles and API; no inline script or style, no frames, no plugins,
   * so data that reaches the page can never run as code even if it were inserted as markup.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private final ConsoleAssets assets = new ConsoleAssets();

  @Get
  HttpResponse<?> page() {
    return file("index.html");
  }

  @Get("/console/{+path}")
  HttpResponse<?> file(@PathVariable String path) {
    return assets
        .find(path)
        .<MutableHttpResponse<?>>map(a -> HttpResponse.ok(a.bytes()).contentType(a.contentType()))
        .orElseGet(
            () ->
                Problem.of(
                        "not-found",
                        "Not found",
                        HttpStatus.NOT_FOUND,
                        "the console has no such file")
                    .response())
        .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "no-referrer")
        // Revalidated on every load, so a deployment never leaves a stale mix of files.
        .header("Cache-Control", "no-cache");
  }
}
