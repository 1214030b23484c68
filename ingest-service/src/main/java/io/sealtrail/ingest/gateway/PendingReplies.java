package io.sealtrail.ingest.gateway;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The submissions of this instance still waiting for their outcome, by submission id. Each future
 * completes once: with the reply, or with a failure, whichever comes first.
 */
final class PendingReplies {
  private final Map<String, CompletableFuture<SubmissionResult>> waiting =
      new ConcurrentHashMap<>();

  CompletableFuture<SubmissionResult> register(String submissionId) {
    var future = new CompletableFuture<SubmissionResult>();
    if (waiting.putIfAbsent(submissionId, future) != null) {
      throw new IllegalArgumentException("submission " + submissionId + " is already waiting");
    }
    return future;
  }

  /** Completes a waiting submission; replies for other instances' submissions are ignored. */
  void complete(String submissionId, SubmissionResult result) {
    var future = waiting.remove(submissionId);
    if (future != null) {
      future.complete(result);
    }
  }

  void fail(String submissionId, Throwable failure) {
    var future = waiting.remove(submissionId);
    if (future != null) {
      future.completeExceptionally(failure);
    }
  }

  /** Fails every waiting submission: nothing can answer them any more. */
  void failAll(Throwable failure) {
    waiting.keySet().forEach(id -> fail(id, failure));
  }

  int size() {
    return waiting.size();
  }
}
