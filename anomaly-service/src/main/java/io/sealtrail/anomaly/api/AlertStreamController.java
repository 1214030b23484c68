package io.sealtrail.anomaly.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.sse.Event;
import io.sealtrail.anomaly.service.AnomalyBackend;
import io.sealtrail.anomaly.view.AlertJson;
import io.sealtrail.anomaly.view.AlertListener;
import io.sealtrail.anomaly.view.AlertView;
import io.sealtrail.avro.alert.Alert;
import java.time.Duration;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * {@code GET /v1/alerts/stream}: server-sent events, first every unresolved alert so a new client
 * starts complete, then each new alert version as the view takes it in, with a heartbeat comment
 * that keeps proxies from closing an idle stream.
 */
@Controller("/v1/alerts/stream")
@Requires(beans = AnomalyBackend.class)
final class AlertStreamController {
  static final Duration HEARTBEAT = Duration.ofSeconds(15);

  private final AlertView view;

  AlertStreamController(AnomalyBackend backend) {
    this.view = backend.alerts();
  }

  @Get(produces = MediaType.TEXT_EVENT_STREAM)
  Publisher<Event<String>> stream() {
    Flux<Event<String>> heartbeats =
        Flux.interval(HEARTBEAT, HEARTBEAT).map(i -> Event.of("").comment("heartbeat"));
    return Flux.<Event<String>>create(this::follow, FluxSink.OverflowStrategy.BUFFER)
        .mergeWith(heartbeats);
  }

  // Listen before taking the snapshot and hold live versions back until it is sent: no version is
  // missed and none arrives before an older one (a version may come twice).
  private void follow(FluxSink<Event<String>> sink) {
    Object order = new Object();
    AlertListener listener =
        (before, after, live) -> {
          synchronized (order) {
            sink.next(event(after));
          }
        };
    synchronized (order) {
      view.listen(listener);
      view.unresolved().forEach(alert -> sink.next(event(alert)));
    }
    sink.onDispose(() -> view.unlisten(listener));
  }

  private static Event<String> event(Alert alert) {
    return Event.of(AlertJson.write(alert)).name("alert").id(alert.getAlertId());
  }
}
