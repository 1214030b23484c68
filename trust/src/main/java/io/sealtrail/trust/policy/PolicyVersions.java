package io.sealtrail.trust.policy;

import java.time.Duration;

/**
 * The policy version in force on one instance: the highest offered, starting from the defaults
 * (version 1). Thread-safe; a writer can wait for its own version to be in force.
 */
final class PolicyVersions {
  private PolicyDocument current = PolicyDocument.defaults();

  synchronized PolicyDocument current() {
    return current;
  }

  /** Takes {@code document} when its version is not below the one in force (the newer wins). */
  synchronized void offer(PolicyDocument document) {
    if (document.version() >= current.version()) {
      current = document;
      notifyAll();
    }
  }

  synchronized boolean await(int version, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (current.version() < version) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }
}
