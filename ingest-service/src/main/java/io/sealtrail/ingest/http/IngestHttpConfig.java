package io.sealtrail.ingest.http;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Limits and timings of the HTTP door ({@code sealtrail.http.*}).
 *
 * @param maxBodyBytes largest request body, default 5 MiB; above it 413
 * @param maxBatchSize most envelopes in one request, default 500; above it 413
 * @param directoryMaxAge how old the partner directory's last successful read may be before
 *     submissions are refused with 503, default 30 s
 * @param retryAfter what a 503 tells clients to wait when Kafka gives no better hint, default 5 s
 */
@ConfigurationProperties("sealtrail.http")
public record IngestHttpConfig(
    @Bindable(defaultValue = "5242880") int maxBodyBytes,
    @Bindable(defaultValue = "500") int maxBatchSize,
    @Bindable(defaultValue = "PT30S") Duration directoryMaxAge,
    @Bindable(defaultValue = "PT5S") Duration retryAfter) {

  public IngestHttpConfig {
    if (maxBodyBytes <= 0 || maxBatchSize <= 0) {
      throw new IllegalArgumentException("sealtrail.http limits must be positive");
    }
    if (directoryMaxAge.isNegative() || retryAfter.isNegative()) {
      throw new IllegalArgumentException("sealtrail.http durations must not be negative");
    }
  }
}
