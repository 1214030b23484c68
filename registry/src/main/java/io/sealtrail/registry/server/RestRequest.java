package io.sealtrail.registry.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sealtrail.registry.core.SchemaRegistryException;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** One REST call as a route sees it: path parameters (decoded once), query, JSON body. */
record RestRequest(List<String> params, Map<String, String> query, byte[] body) {
  private static final ObjectMapper JSON = new ObjectMapper();

  String param(int index) {
    return params.get(index);
  }

  /** A boolean query parameter; Confluent's client sends explicit {@code false} values too. */
  boolean flag(String name) {
    return Boolean.parseBoolean(query.getOrDefault(name, "false"));
  }

  /** The body as JSON; a missing or unreadable body is Confluent's 422 request error. */
  JsonNode json() {
    try {
      JsonNode node = body.length == 0 ? null : JSON.readTree(body);
      if (node == null || !node.isObject()) {
        throw new SchemaRegistryException(422, 422, "Request body must be a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw new SchemaRegistryException(422, 422, "Unreadable JSON body: " + e.getMessage(), e);
    }
  }
}
