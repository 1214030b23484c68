package io.sealtrail.platform.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.platform.health.Health;
import io.sealtrail.platform.health.LoopHealthCheck;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A background loop's life: it runs, it is closed, or it dies, and health says which. */
class PollingLoopTest {

  @Test
  void shouldFailStoppedAndTurnHealthDownNamingTheCauseWhenARoundThrows() {
    var closed = new AtomicBoolean();
    PollingLoop.Body poisoned =
        () -> {
          throw new IllegalStateException("unreadable record at 3");
        };
    var loop = new PollingLoop("poisoned", poisoned, () -> {}, () -> closed.set(true));
    var health = new LoopHealthCheck("poisoned", loop.stopped());

    loop.start();

    assertThat(loop.stopped()).failsWithin(Duration.ofSeconds(5));
    assertThat(closed).isTrue();
    assertThat(loop.failure())
        .get()
        .hasToString("java.lang.IllegalStateException: unreadable record at 3");
    assertThat(health.check())
        .isEqualTo(Health.down("stopped: IllegalStateException: unreadable record at 3"));
    assertThat(health.liveness()).contains(health.check());
  }

  @Test
  void shouldStopNormallyWhenClosedEvenIfTheWokenRoundThrows() throws Exception {
    var polled = new CountDownLatch(1);
    var woken = new AtomicBoolean();
    PollingLoop.Body blocking =
        () -> {
          polled.countDown();
          while (!woken.get()) {
            Thread.sleep(5);
          }
          throw new IllegalStateException("woken up"); // as a consumer's WakeupException
        };
    var loop = new PollingLoop("blocking", blocking, () -> woken.set(true), () -> {});
    var health = new LoopHealthCheck("blocking", loop.stopped());
    loop.start();
    assertThat(polled.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(health.check()).isEqualTo(Health.UP);

    loop.close();

    assertThat(loop.stopped()).isCompleted().isNotCompletedExceptionally();
    assertThat(loop.failure()).isEmpty();
    assertThat(health.check()).isEqualTo(Health.down("stopped"));
    assertThat(health.liveness()).contains(Health.UP);
  }

  @Test
  void shouldPollAgainAndAgainUntilClosedAndThenNoMore() throws Exception {
    var rounds = new AtomicInteger();
    var several = new CountDownLatch(3);
    PollingLoop.Body counting =
        () -> {
          rounds.incrementAndGet();
          several.countDown();
          Thread.sleep(1);
        };
    var loop = new PollingLoop("counting", counting).start();
    assertThat(several.await(5, TimeUnit.SECONDS)).isTrue();

    loop.close();
    int atClose = rounds.get();
    Thread.sleep(20);

    assertThat(loop.stopped()).isCompleted().isNotCompletedExceptionally();
    assertThat(rounds.get()).isEqualTo(atClose);
  }
}
