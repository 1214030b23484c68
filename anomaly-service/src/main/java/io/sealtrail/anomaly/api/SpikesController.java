package io.sealtrail.anomaly.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.sealtrail.anomaly.chart.SpikeCharts;
import io.sealtrail.anomaly.spike.Cohort;
import io.sealtrail.anomaly.spike.SpikeKind;
import io.sealtrail.anomaly.view.AlertJson;

/** The spike charts: each kind's cohorts, and one cohort's recent windows with the baseline. */
@Controller("/v1/spikes")
@Requires(beans = SpikeCharts.class)
final class SpikesController {
  private final SpikeCharts charts;

  SpikesController(SpikeCharts charts) {
    this.charts = charts;
  }

  @Get(uri = "/{kind}/cohorts", produces = MediaType.APPLICATION_JSON)
  HttpResponse<String> cohorts(@PathVariable String kind) {
    return AlertsController.json(HttpStatus.OK, AlertJson.write(charts.cohorts(kind(kind))));
  }

  @Get(uri = "/{kind}/cohorts/{dimension}/{value}/series", produces = MediaType.APPLICATION_JSON)
  HttpResponse<String> series(
      @PathVariable String kind, @PathVariable String dimension, @PathVariable String value) {
    Cohort cohort = new Cohort(dimension, value);
    return charts
        .series(kind(kind), cohort)
        .map(json -> AlertsController.json(HttpStatus.OK, AlertJson.write(json)))
        .orElseThrow(() -> AlertProblems.notFound("no windows counted for " + cohort.key()));
  }

  private SpikeKind kind(String route) {
    return charts
        .kind(route)
        .orElseThrow(
            () ->
                AlertProblems.notFound(
                    "spike kind " + route + "; there are attestation and rejection"));
  }
}
