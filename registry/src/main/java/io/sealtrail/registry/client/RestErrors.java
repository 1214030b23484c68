package io.sealtrail.registry.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sealtrail.registry.core.SchemaRegistryException;
import java.io.IOException;

/** Turns a registry's error answer into the client's exception, tolerating non-JSON bodies. */
final class RestErrors {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RestErrors() {}

  static SchemaRegistryException fromResponse(int status, String body) {
    try {
      JsonNode error = JSON.readTree(body);
      if (error != null && error.has("error_code")) {
        return new SchemaRegistryException(
            status, error.get("error_code").asInt(), error.path("message").asText());
      }
    } catch (IOException e) {
      // Not JSON: answered below the way Confluent's client does, with code 50005.
    }
    return new SchemaRegistryException(status, 50005, "Unable to parse error message: " + body);
  }
}
