package io.sealtrail.anomaly.service;

import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;

import io.sealtrail.anomaly.topology.AnomalyApp;
import io.sealtrail.platform.health.HealthServer;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the anomaly service in a container: configuration only from the environment ({@link
 * AnomalyEnvironment}), the streams, and {@code /health/readiness} answering 200 only while they
 * are {@code RUNNING}. Exits when the streams stop on their own, so the orchestrator restarts it.
 */
public final class AnomalyMain {
  private static final Logger LOG = LoggerFactory.getLogger(AnomalyMain.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private AnomalyMain() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    AnomalyEnvironment env = AnomalyEnvironment.from(System.getenv());
    KafkaStreams streams =
        new KafkaStreams(AnomalyApp.topology(env.config()), env.config().streamsProperties());
    // An unexpected error stops this instance; its partitions move to the others.
    streams.setUncaughtExceptionHandler(e -> SHUTDOWN_CLIENT);
    CountDownLatch stopped = new CountDownLatch(1);
    streams.setStateListener(
        (now, before) -> {
          if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
            stopped.countDown();
          }
        });
    HealthServer health =
        HealthServer.start(
            env.healthHost(),
            env.healthPort(),
            () -> streams.state().isRunningOrRebalancing(),
            () -> streams.state() == KafkaStreams.State.RUNNING);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  health.close();
                  streams.close(CLOSE_TIMEOUT);
                },
                "anomaly-shutdown"));
    streams.start();
    LOG.info("anomaly-service started; health on port {}", health.port());
    stopped.await();
    LOG.error("anomaly-service streams are {}; exiting", streams.state());
    System.exit(1);
  }
}
