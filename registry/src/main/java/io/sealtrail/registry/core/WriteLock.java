package io.sealtrail.registry.core;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The core's single-writer lock. A writer waits a bounded time for it (50002 otherwise, so a stuck
 * store cannot pile up threads), then lets the log catch up with every record already in it before
 * deciding: a record whose append outcome was unknown is applied before a new id is chosen.
 */
final class WriteLock {
  /** Writers queued beyond this are refused at once, so waiting writes cannot take every thread. */
  static final int MAX_WAITING_WRITERS = 16;

  private final ReentrantLock lock = new ReentrantLock();
  private final RegistryLog log;
  private final Duration wait;

  WriteLock(RegistryLog log, Duration wait) {
    this.log = log;
    this.wait = wait;
  }

  <T> T write(Supplier<T> decision) {
    acquire();
    try {
      log.catchUp();
      return decision.get();
    } finally {
      lock.unlock();
    }
  }

  void run(Runnable decision) {
    write(
        () -> {
          decision.run();
          return null;
        });
  }

  private void acquire() {
    if (lock.getQueueLength() >= MAX_WAITING_WRITERS) {
      throw Errors.storeTimeout(MAX_WAITING_WRITERS + " writes are already waiting");
    }
    try {
      if (!lock.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) {
        throw Errors.storeTimeout("another write did not finish within " + wait);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Errors.storeTimeout("interrupted while waiting for the write lock");
    }
  }
}
