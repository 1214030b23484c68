package io.sealtrail.anomaly.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.sse.Event;
import io.sealtrail.anomaly.view.AlertJson;
import io.sealtrail.anomaly.view.AlertListener;
import io.sealtrail.anomaly.view.AlertView;
import io.sealtrail.avro.alert.Alert;
import java.time.Duration;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * {@code GET /v1/alerts/stream}: server-sent events. A comment ({@code : open}) comes at once, so
 * the response's headers go out and a client sees the stream open even when there is no alert (the
 * server sends headers with the first event); then every unresolved alert so a new client starts
 * complete, then each new alert version as the view takes it in, with a heartbeat comment every
 * {@value #HEARTBEAT_PROPERTY} (15 s by default) that keeps proxies from closing an idle stream.
 */
@Controller("/v1/alerts/stream")
@Requires(beans = AlertView.class)
final class AlertStreamController {
  /** The property that sets the heartbeat interval, e.g. {@code 15s}. */
  static final String HEARTBEAT_PROPERTY = "sealtrail.anomaly.sse-heartbeat";

  private final AlertView view;
  private final Duration heartbeat;

  AlertStreamController(
      AlertView view, @Value("${" + HEARTBEAT_PROPERTY + ":15s}") Duration heartbeat) {
    this.view = view;
    this.heartbeat = heartbeat;
  }

  @Get(produces = MediaType.TEXT_EVENT_STREAM)
  Publisher<Event<String>> stream() {
    Flux<Event<String>> heartbeats =
        Flux.interval(heartbeat, heartbeat).map(i -> comment("heartbeat"));
    return Flux.just(comment("open"))
        .concatWith(
            Flux.<Event<String>>create(this::follow, FluxSink.OverflowStrategy.BUFFER)
                .mergeWith(heartbeats));
  }

  private static Event<String> comment(String text) {
    return Event.of("").comment(text);
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
