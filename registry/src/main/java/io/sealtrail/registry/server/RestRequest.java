package io.sealtrail.registry.server;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sealtrail.registry.core.Errors;
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

  /** An integer query parameter; one that is no integer is JAX-RS's plain 404, as Confluent's. */
  int number(String name, int absent) {
    String value = query.get(name);
    if (value == null) {
      return absent;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw Errors.notFound();
    }
  }

  /**
   * The body as a JSON object. A missing body is Confluent's 422 request validation error; a body
   * that is no JSON, or JSON but no object, is the 400 of Confluent's JSON provider (rest-utils'
   * {@code JsonParseExceptionMapper}, {@code JsonMappingExceptionMapper}).
   */
  JsonNode json() {
    JsonNode node;
    try {
      node = body.length == 0 ? null : JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw Errors.badRequest(e.getOriginalMessage() + location(e.getLocation()));
    } catch (IOException e) {
      throw Errors.badRequest("The request body cannot be read as JSON");
    }
    if (node == null || node.isMissingNode()) {
      throw new SchemaRegistryException(422, 422, "The request must carry a JSON body");
    }
    if (!node.isObject()) {
      throw Errors.badRequest("The request body must be a JSON object, not " + kind(node));
    }
    return node;
  }

  private static String location(JsonLocation location) {
    return location == null || location.getLineNr() < 0
        ? ""
        : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  private static String kind(JsonNode node) {
    return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }
}
