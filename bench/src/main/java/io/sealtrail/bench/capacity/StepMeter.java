package io.sealtrail.bench.capacity;

import io.sealtrail.bench.latency.Arrivals;
import io.sealtrail.bench.latency.ConstantRate;
import io.sealtrail.bench.latency.Latencies;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;

/**
 * Runs one step: offers {@code serials.size()} records at a constant rate (open loop, latency from
 * each intended send time), samples the lag while it does and once at its end, then waits for the
 * arrivals and turns them into a {@link Step}.
 */
public final class StepMeter {
  private StepMeter() {}

  /** Sends record {@code i}; completes with whether it was accepted. */
  @FunctionalInterface
  public interface Sender {
    CompletionStage<Boolean> send(int i);
  }

  /**
   * @param lag the lag now (records), read on a thread of its own every {@code lagEvery}
   * @param drain how long to wait after the step for arrivals still missing
   */
  public static Step measure(
      String label,
      int rate,
      List<String> serials,
      Sender sender,
      Arrivals arrivals,
      LongSupplier lag,
      Duration lagEvery,
      Duration drain)
      throws InterruptedException {
    List<LagSample> samples = new CopyOnWriteArrayList<>();
    AtomicInteger accepted = new AtomicInteger();
    AtomicBoolean offering = new AtomicBoolean(true);
    long start = System.nanoTime();
    ScheduledExecutorService sampler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "lag-sampler");
              thread.setDaemon(true);
              return thread;
            });
    sampler.scheduleWithFixedDelay(
        () -> samples.add(new LagSample(seconds(start), lag.getAsLong())),
        lagEvery.toMillis(),
        lagEvery.toMillis(),
        TimeUnit.MILLISECONDS);
    long[] intended =
        ConstantRate.offer(
            serials.size(),
            rate,
            i ->
                sender
                    .send(i)
                    .thenAccept(
                        ok -> {
                          // Acceptances after the step count for no rate: the rate is what the
                          // system took while this load was offered.
                          if (ok && offering.get()) {
                            accepted.incrementAndGet();
                          }
                        }));
    offering.set(false);
    double offeredFor = seconds(start);
    sampler.shutdownNow();
    sampler.awaitTermination(30, TimeUnit.SECONDS);
    samples.add(new LagSample(seconds(start), lag.getAsLong()));
    Histogram latency = Latencies.of(label, serials, intended, arrivals, drain);
    int missing = (int) serials.stream().filter(s -> arrivals.arrival(s) == null).count();
    return new Step(
        rate,
        accepted.get() / offeredFor,
        latency.getValueAtPercentile(50) / 1000.0,
        latency.getValueAtPercentile(99) / 1000.0,
        missing,
        samples.stream().sorted(java.util.Comparator.comparingDouble(LagSample::seconds)).toList());
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
