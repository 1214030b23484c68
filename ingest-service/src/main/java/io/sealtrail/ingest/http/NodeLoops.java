package io.sealtrail.ingest.http;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Whether the node's loops (verifier, router, the gateway's reply follower) still run: once one
 * ended, no submission would ever be answered, so the routes say so at once.
 *
 * @param stopped the node's {@code stopped()}
 */
public record NodeLoops(CompletableFuture<Void> stopped) {
  public NodeLoops {
    Objects.requireNonNull(stopped, "stopped");
  }

  public boolean running() {
    return !stopped.isDone();
  }
}
