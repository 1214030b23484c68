package io.sealtrail.anomaly.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.sealtrail.anomaly.chart.ChartRouter;
import io.sealtrail.anomaly.chart.SpikeCharts;
import io.sealtrail.anomaly.spike.Cohort;
import io.sealtrail.anomaly.spike.SpikeKind;
import io.sealtrail.anomaly.view.AlertJson;

/**
 * The spike charts: each kind's cohorts, and one cohort's recent windows with the baseline,
 * answered by any instance (a read of another instance's cohorts is forwarded there). Forwarding
 * and store reads block, so the routes run on the blocking executor, not the event loop.
 */
@Controller("/v1/spikes")
@Requires(beans = SpikeCharts.class)
@ExecuteOn(TaskExecutors.BLOCKING)
final class SpikesController {
  private final SpikeCharts charts;
  private final ChartRouter router;

  SpikesController(SpikeCharts charts) {
    this.charts = charts;
    this.router = new ChartRouter(charts);
  }

  @Get(uri = "/{kind}/cohorts", produces = MediaType.APPLICATION_JSON)
  HttpResponse<String> cohorts(HttpRequest<?> request, @PathVariable String kind) {
    return AlertsController.json(
        HttpStatus.OK, AlertJson.write(router.cohorts(request, kind(kind))));
  }

  @Get(uri = "/{kind}/cohorts/{dimension}/{value}/series", produces = MediaType.APPLICATION_JSON)
  HttpResponse<?> series(
      HttpRequest<?> request,
      @PathVariable String kind,
      @PathVariable String dimension,
      @PathVariable String value) {
    SpikeKind spikeKind = kind(kind);
    Cohort cohort = new Cohort(dimension, value);
    return router.series(
        request,
        spikeKind,
        cohort,
        () ->
            charts
                .series(spikeKind, cohort)
                .map(json -> AlertsController.json(HttpStatus.OK, AlertJson.write(json)))
                .orElseThrow(
                    () -> AlertProblems.notFound("no windows counted for " + cohort.key())));
  }

  private SpikeKind kind(String route) {
    return charts
        .kind(route)
        .orElseThrow(
            () ->
                AlertProblems.notFound(
                    "spike kind " + route + "; there are attestation, rejection and flash"));
  }
}
