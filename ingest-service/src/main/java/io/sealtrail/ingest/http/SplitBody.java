package io.sealtrail.ingest.http;

import java.util.List;

/**
 * The envelopes of one request, each as received, and whether the request was a batch (an array or
 * NDJSON) rather than a single envelope object.
 */
public record SplitBody(List<byte[]> envelopes, boolean batch) {
  public SplitBody {
    envelopes = List.copyOf(envelopes);
  }
}
