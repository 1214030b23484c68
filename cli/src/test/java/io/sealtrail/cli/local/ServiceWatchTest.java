package io.sealtrail.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

/** Which stops the watch reports as a service's death, and which it leaves to a normal close. */
class ServiceWatchTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void shouldNameIngestAndItsCauseWhenItsLoopsFail() {
    var stopped = new CompletableFuture<Void>();
    try (var watch = new ServiceWatch()) {
      watch.stopped("ingest", stopped);

      stopped.completeExceptionally(new IllegalStateException("fenced"));

      assertThat(watch.death())
          .succeedsWithin(WAIT)
          .isEqualTo(new ServiceWatch.Death("ingest", "java.lang.IllegalStateException: fenced"));
    }
  }

  @Test
  void shouldNameTheStreamServiceWhenItsStreamsGoToError() {
    var state = new AtomicReference<>(KafkaStreams.State.RUNNING);
    try (var watch = new ServiceWatch()) {
      watch.streams("custody-stream", state::get);

      state.set(KafkaStreams.State.ERROR);

      assertThat(watch.death())
          .succeedsWithin(WAIT)
          .isEqualTo(new ServiceWatch.Death("custody-stream", "its Kafka Streams are ERROR"));
    }
  }

  @Test
  void shouldReportNothingWhenTheServicesStopAfterTheWatchIsClosed() {
    var stopped = new CompletableFuture<Void>();
    var watch = new ServiceWatch();
    watch.stopped("ingest", stopped);

    watch.close();
    stopped.complete(null);

    assertThat(watch.death()).isNotDone();
  }
}
