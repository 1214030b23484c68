package io.sealtrail.ingest.kafka;

import java.util.concurrent.CompletableFuture;

/** A service that is one {@link TransactionalLoop}: start it, watch it, close it. */
public abstract class LoopService implements AutoCloseable {
  private final TransactionalLoop loop;

  protected LoopService(TransactionalLoop loop) {
    this.loop = loop;
  }

  /** Starts consuming on the loop's own thread. */
  public final void start() {
    loop.start();
  }

  /**
   * Completes normally after {@link #close()}, exceptionally when the loop stopped on an error it
   * cannot recover from (e.g. it was fenced); the host should then restart the instance.
   */
  public final CompletableFuture<Void> stopped() {
    return loop.stopped();
  }

  /** Lets the current batch commit, then stops; what is not committed is read again later. */
  @Override
  public final void close() throws InterruptedException {
    loop.close();
  }
}
