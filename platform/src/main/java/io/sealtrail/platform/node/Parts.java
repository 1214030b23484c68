package io.sealtrail.platform.node;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The parts a node has started, to close in reverse: newest first, each closed even when an earlier
 * one fails. A node adds each part as it starts it; if a later part fails to start, {@link
 * #closeAfter} closes those already started, so nothing half-started is left behind.
 */
public final class Parts implements AutoCloseable {
  private final Deque<AutoCloseable> started = new ArrayDeque<>();

  /** Keeps {@code part} to close; returns it. */
  public synchronized <T extends AutoCloseable> T add(T part) {
    started.push(part);
    return part;
  }

  /**
   * Closes every part, newest first; safe to call again.
   *
   * @throws IllegalStateException with the first failure as its cause, the others suppressed
   */
  @Override
  public void close() {
    Exception failure = closeAll();
    if (failure != null) {
      throw new IllegalStateException("did not close cleanly: " + failure, failure);
    }
  }

  /** After a failed start: closes every part, adding what failed to close to {@code cause}. */
  public void closeAfter(Throwable cause) {
    Exception failure = closeAll();
    if (failure != null) {
      cause.addSuppressed(failure);
    }
  }

  private synchronized Exception closeAll() {
    Exception failure = null;
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    return failure;
  }
}
