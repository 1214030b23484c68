package io.sealtrail.registry.serde;

import io.sealtrail.registry.core.SchemaRegistryException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.DisconnectException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.ThrottlingQuotaExceededException;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * Maps registry errors to the Kafka exceptions Confluent's serdes throw, so that producers and
 * Streams classify them the same way (auth, throttling and timeouts are retriable or fatal as in
 * Kafka; everything else is a {@link SerializationException}).
 */
final class RegistryFailures {
  private RegistryFailures() {}

  static KafkaException toKafka(String context, SchemaRegistryException e) {
    String message =
        context
            + ": "
            + e.getMessage()
            + " (HTTP "
            + e.status()
            + ", error_code "
            + e.errorCode()
            + ")";
    switch (e.status()) {
      case 401:
        return new AuthenticationException(message, e);
      case 403:
        return new AuthorizationException(message, e);
      case 429:
        return new ThrottlingQuotaExceededException(message);
      case 408:
      case 500:
      case 503:
      case 504:
        return new TimeoutException(message, e);
      case 502:
        return new DisconnectException(message, e);
      default:
        return new SerializationException(message, e);
    }
  }
}
