package io.sealtrail.platform.kafka;

import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;

class ThreadReplacementTest {
  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-12-07T09:00:00Z"));
  private final Clock clock =
      new Clock() {
        @Override
        public Instant instant() {
          return now.get();
        }

        @Override
        public java.time.ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }
      };
  private final ThreadReplacement handler = new ThreadReplacement("testStreams", clock);

  @Test
  void shouldReplaceTheThreadWhenABrokerCutFailedItsTransaction() {
    var commitFailed =
        new StreamsException(
            "Error encountered trying to commit a transaction",
            new InvalidTxnStateException(
                "The producer attempted a transactional operation in an invalid state"));

    assertThat(handler.handle(commitFailed)).isEqualTo(REPLACE_THREAD);
    assertThat(handler.handle(new StreamsException(new TimeoutException("no broker"))))
        .isEqualTo(REPLACE_THREAD);
  }

  @Test
  void shouldStopTheInstanceWhenTheErrorIsNotAKafkaHiccup() {
    assertThat(handler.handle(new StreamsException(new NullPointerException("a bug"))))
        .isEqualTo(SHUTDOWN_CLIENT);
    assertThat(handler.handle(new StreamsException(new KafkaException("fatal"))))
        .isEqualTo(SHUTDOWN_CLIENT);
  }

  @Test
  void shouldStopTheInstanceWhenTheThreadKeepsFailingWithinTheWindow() {
    var cut = new StreamsException(new InvalidTxnStateException("cut"));
    for (int i = 0; i < ThreadReplacement.BUDGET; i++) {
      assertThat(handler.handle(cut)).isEqualTo(REPLACE_THREAD);
      now.set(now.get().plusSeconds(30));
    }

    assertThat(handler.handle(cut)).isEqualTo(SHUTDOWN_CLIENT);
  }

  @Test
  void shouldReplaceAgainWhenEarlierFailuresLeftTheWindow() {
    var cut = new StreamsException(new InvalidTxnStateException("cut"));
    for (int i = 0; i < ThreadReplacement.BUDGET; i++) {
      handler.handle(cut);
    }
    now.set(now.get().plus(ThreadReplacement.WINDOW).plus(Duration.ofSeconds(1)));

    assertThat(handler.handle(cut)).isEqualTo(REPLACE_THREAD);
  }
}
