package io.sealtrail.cli.local;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C for local mode: a shutdown hook that closes the platform, whatever part of it has started,
 * from before the first part starts until {@link #close()} removes it after a normal close (so that
 * it does not run, and print, a second time when the JVM exits).
 */
final class StopOnSignal implements AutoCloseable {
  /** A part the main thread was starting when the signal came is closed there: give it time. */
  private static final Duration MAIN_THREAD_GRACE = Duration.ofSeconds(30);

  private final CompletableFuture<Void> signalled = new CompletableFuture<>();
  private final CountDownLatch mainThreadDone = new CountDownLatch(1);
  private final Thread hook;

  private StopOnSignal(LocalPlatform platform, PrintWriter out) {
    this.hook = new Thread(() -> stop(platform, out), "sealtrail-local-stop");
  }

  static StopOnSignal register(LocalPlatform platform, PrintWriter out) {
    var stop = new StopOnSignal(platform, out);
    Runtime.getRuntime().addShutdownHook(stop.hook);
    return stop;
  }

  /** Completes once the hook has closed the platform. */
  CompletableFuture<Void> signalled() {
    return signalled;
  }

  private void stop(LocalPlatform platform, PrintWriter out) {
    out.println("Stopping Sealtrail ...");
    out.flush();
    try {
      platform.close();
      out.println("Stopped cleanly.");
    } catch (Exception e) {
      out.println("Stopped with an error: " + e.getMessage());
    } finally {
      out.flush();
      signalled.complete(null);
    }
    try {
      mainThreadDone.await(MAIN_THREAD_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** After the platform's normal close: the hook has nothing left to do. */
  @Override
  public void close() {
    mainThreadDone.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The JVM is exiting: the hook runs or ran already, and cannot be removed.
    }
  }
}
