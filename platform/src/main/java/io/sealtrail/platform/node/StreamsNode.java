package io.sealtrail.platform.node;

import io.sealtrail.platform.http.NodeHttp;
import io.sealtrail.platform.http.Serving;
import io.sealtrail.platform.kafka.ServiceStreams;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.streams.KafkaStreams;

/**
 * What a running stream-service node is to its host (its main, local mode, the bench, a test): its
 * streams, started with {@link #startStreams()}; its HTTP beans or its own server; {@link
 * #stopped()} for the parts that may stop on their own; and {@link #close()}, which closes every
 * part it started in reverse. Each service's node makes its parts in its own {@code start}.
 */
public abstract class StreamsNode extends ServedNode {
  private final Parts parts;
  private final ServiceStreams streams;
  private final CompletableFuture<Void> stopped = new CompletableFuture<>();
  private volatile boolean closing;

  /**
   * @param loops what completes when a part stopped on its own (exceptionally when it died): the
   *     streams' {@link ServiceStreams#stopped()}, a background loop's
   */
  protected StreamsNode(
      Parts parts, ServiceStreams streams, NodeHttp http, List<CompletableFuture<Void>> loops) {
    super(http);
    this.parts = parts;
    this.streams = streams;
    // The first part to stop on its own stops the node; a part closed by close() does not.
    loops.forEach(
        loop ->
            loop.whenComplete(
                (done, failure) -> {
                  if (closing) {
                    return;
                  }
                  if (failure == null) {
                    stopped.complete(null);
                  } else {
                    stopped.completeExceptionally(failure);
                  }
                }));
  }

  /**
   * {@code node}, its streams started when it serves {@link Serving.Alone alone} (its server
   * answers by now); a shared node's host starts them once its own server serves the node's beans.
   */
  protected static <N extends StreamsNode> N started(Serving serving, N node) {
    if (serving instanceof Serving.Alone) {
      node.startStreams();
    }
    return node;
  }

  /**
   * Starts processing: a node serving alone does so itself once its server answers; a shared node's
   * host calls it once its server serves {@link #httpBeans()}. On a failure, closes the node.
   */
  public void startStreams() {
    try {
      streams.start();
    } catch (RuntimeException e) {
      closing = true;
      parts.closeAfter(e);
      throw e;
    }
  }

  /** The streams' state, e.g. {@code RUNNING}. */
  public KafkaStreams.State state() {
    return streams.state();
  }

  /**
   * Completes when a part stopped on its own (readiness is DOWN then too), exceptionally with the
   * cause when it died; never because of {@link #close()}.
   */
  public CompletableFuture<Void> stopped() {
    return stopped;
  }

  /** Closes every part, newest first (its server first, its streams last); safe to call again. */
  @Override
  public void close() {
    closing = true;
    parts.close();
  }
}
