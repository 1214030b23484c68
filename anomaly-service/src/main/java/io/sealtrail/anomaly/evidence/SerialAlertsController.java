package io.sealtrail.anomaly.evidence;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.sealtrail.anomaly.view.AlertJson;
import io.sealtrail.anomaly.view.AlertQuery;
import io.sealtrail.anomaly.view.AlertView;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The alerts about one serial (its subject or cited in its evidence), newest first, for whoever may
 * read the serial ({@link SerialAlertsFilter}): the evidence bundle of a serial carries them, and
 * recall and auditors read bundles without triaging alerts.
 */
@Controller("/v1/serials/{serial}/alerts")
@Requires(beans = AlertView.class)
final class SerialAlertsController {
  private final AlertView alerts;

  SerialAlertsController(AlertView alerts) {
    this.alerts = alerts;
  }

  @Get(produces = MediaType.APPLICATION_JSON)
  HttpResponse<String> list(@PathVariable String serial) {
    AlertQuery query =
        new AlertQuery(null, null, null, serial, null, null, null, AlertQuery.MAX_LIMIT);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("serial", serial);
    json.put(
        "alerts", alerts.find(query).stream().limit(query.limit()).map(AlertJson::tree).toList());
    return HttpResponse.ok(AlertJson.write(json)).contentType(MediaType.APPLICATION_JSON_TYPE);
  }
}
