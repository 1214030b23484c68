package io.sealtrail.registry.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Writes after an append whose outcome was unknown (spec §5.3): ids are never given out twice. */
class UnknownAppendOutcomeTest {
  private static final String V1 =
      "{\"type\":\"record\",\"name\":\"a\",\"fields\":[{\"name\":\"f\",\"type\":\"string\"}]}";
  private static final String V2 =
      "{\"type\":\"record\",\"name\":\"b\",\"fields\":[{\"name\":\"g\",\"type\":\"long\"}]}";

  /** A log whose appends time out, yet whose records land later, as a retrying producer's do. */
  private static final class LateLog implements RegistryLog {
    private final Consumer<LogRecord> apply;
    private final List<LogRecord> inFlight = new ArrayList<>();
    private boolean timingOut = true;

    LateLog(Consumer<LogRecord> apply) {
      this.apply = apply;
    }

    @Override
    public void append(List<LogRecord> records) {
      if (timingOut) {
        inFlight.addAll(records);
        timingOut = false;
        throw Errors.storeTimeout("offset 0 not read back within PT30S");
      }
      records.forEach(apply);
    }

    @Override
    public void catchUp() {
      inFlight.forEach(apply);
      inFlight.clear();
    }
  }

  @Test
  void shouldNotReuseIdWhenEarlierAppendTimedOutButLanded() {
    SchemaRegistryCore core = SchemaRegistryCore.open(CompatibilityLevel.NONE, LateLog::new);
    assertThatThrownBy(() -> core.register("a-value", V1))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(50002));

    SchemaVersion second = core.register("b-value", V2);

    assertThat(second.id()).isEqualTo(2);
    assertThat(core.schemaById(1)).contains("\"name\":\"a\"");
  }

  @Test
  void shouldAnswerExistingVersionWhenRetryingRegisterWhoseAppendLanded() {
    SchemaRegistryCore core = SchemaRegistryCore.open(CompatibilityLevel.NONE, LateLog::new);
    assertThatThrownBy(() -> core.register("a-value", V1))
        .isInstanceOf(SchemaRegistryException.class);

    SchemaVersion retried = core.register("a-value", V1);

    assertThat(retried.id()).isEqualTo(1);
    assertThat(retried.version()).isEqualTo(1);
  }

  @Test
  void shouldAnswer50002WhenAnotherWriteHoldsTheLockTooLong() throws Exception {
    CountDownLatch appending = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    SchemaRegistryCore core =
        SchemaRegistryCore.open(
            CompatibilityLevel.NONE,
            apply ->
                records -> {
                  appending.countDown();
                  await(release);
                  records.forEach(apply);
                },
            Duration.ofMillis(200));
    ExecutorService writer = Executors.newSingleThreadExecutor();
    try {
      writer.submit(() -> core.register("a-value", V1));
      assertThat(appending.await(5, TimeUnit.SECONDS)).isTrue();

      assertThatThrownBy(() -> core.register("b-value", V2))
          .isInstanceOfSatisfying(
              SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(50002));
      assertThat(core.subjects(false, false)).isEmpty();
    } finally {
      release.countDown();
      writer.shutdown();
      assertThat(writer.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
